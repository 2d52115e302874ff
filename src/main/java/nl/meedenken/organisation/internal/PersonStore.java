package nl.meedenken.organisation.internal;

import nl.meedenken.platform.Language;
import nl.meedenken.platform.Like;
import nl.meedenken.platform.Page;
import nl.meedenken.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and writes people and their roles. */
@Repository
public class PersonStore {

    private static final String SELECT = """
            select p.id, p.employee_number, p.name, p.language, p.email, p.phone, p.team_id, t.name as team_name,
                   p.site_id, s.name as site_name, p.active, p.screen_language,
                   exists (select 1 from account a where a.person_id = p.id) as has_account,
                   (select string_agg(r.role, ',') from person_role r where r.person_id = p.id) as roles
            from person p
            left join team t on t.id = p.team_id
            left join site s on s.id = p.site_id
            """;

    private final JdbcClient jdbc;

    PersonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(PersonDetails details, Instant now) {
        long id = jdbc.sql("""
                        insert into person (employee_number, name, language, email, phone, team_id, site_id, active,
                                            created_at, updated_at)
                        values (:number, :name, :language, :email, :phone, :team, :site, true, :now, :now)
                        returning id
                        """)
                .params(params(details))
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
        replaceRoles(id, details.roles());
        return id;
    }

    public void update(long id, PersonDetails details, Instant now) {
        jdbc.sql("""
                        update person set employee_number = :number, name = :name, language = :language, email = :email,
                               phone = :phone, team_id = :team, site_id = :site, updated_at = :now
                        where id = :id
                        """)
                .params(params(details))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        replaceRoles(id, details.roles());
    }

    public void updateScreenLanguage(long id, Language language, Instant now) {
        jdbc.sql("update person set screen_language = :language, updated_at = :now where id = :id")
                .param("language", language.code()).param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void setActive(long id, boolean active, Instant now) {
        jdbc.sql("update person set active = :active, updated_at = :now where id = :id")
                .param("active", active).param("now", Timestamp.from(now)).param("id", id).update();
    }

    private void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from person_role where person_id = :id").param("id", id).update();
        for (Role role : roles) {
            if (role != Role.EMPLOYEE) {
                jdbc.sql("insert into person_role (person_id, role) values (:id, :role)")
                        .param("id", id).param("role", role.name()).update();
            }
        }
    }

    public Optional<Person> find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(PersonStore::map).optional();
    }

    public Optional<Long> idByEmployeeNumber(String number) {
        return jdbc.sql("select id from person where lower(employee_number) = lower(:n)").param("n", number)
                .query(Long.class).optional();
    }

    public Optional<Long> idByEmail(String email) {
        return jdbc.sql("select id from person where lower(email) = lower(:e)").param("e", email)
                .query(Long.class).optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }


    public List<Person> withRole(Role role) {
        String where = role == Role.EMPLOYEE ? " where p.active"
                : " where p.active and exists (select 1 from person_role r where r.person_id = p.id and r.role = :role)";
        var spec = jdbc.sql(SELECT + where + " order by lower(p.name)");
        if (role != Role.EMPLOYEE) {
            spec = spec.param("role", role.name());
        }
        return spec.query(PersonStore::map).list();
    }

    /** Active people who have no account to sign in with. */
    public List<Person> withoutAccount() {
        return jdbc.sql(SELECT + " where p.active and not exists (select 1 from account a where a.person_id = p.id)"
                + " order by p.id").query(PersonStore::map).list();
    }

    public List<Person> inTeam(long teamId) {
        return jdbc.sql(SELECT + " where p.active and p.team_id = :team order by lower(p.name)")
                .param("team", teamId).query(PersonStore::map).list();
    }

    public Page<Person> search(PersonSearch search, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (search.text() != null) {
            where.append(" and (lower(p.name) like :text or lower(p.employee_number) like :text"
                    + " or lower(coalesce(p.email, '')) like :text)");
            params.put("text", Like.containing(search.text().toLowerCase()));
        }
        if (search.teamId() != null) {
            where.append(" and p.team_id = :team");
            params.put("team", search.teamId());
        }
        if (search.siteId() != null) {
            where.append(" and p.site_id = :site");
            params.put("site", search.siteId());
        }
        if (search.role() != null && search.role() != Role.EMPLOYEE) {
            where.append(" and exists (select 1 from person_role r where r.person_id = p.id and r.role = :role)");
            params.put("role", search.role().name());
        }
        switch (search.status()) {
            case ACTIVE -> where.append(" and p.active");
            case INACTIVE -> where.append(" and not p.active");
            case ALL -> { }
        }
        long total = jdbc.sql("select count(*) from person p" + where).params(params).query(Long.class).single();
        int safePage = Math.max(0, page);
        List<Person> rows = jdbc.sql(SELECT + where + " order by lower(p.name), p.id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", safePage * size)
                .query(PersonStore::map).list();
        return new Page<>(rows, safePage, size, total);
    }

    private static Map<String, Object> params(PersonDetails d) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("number", d.employeeNumber());
        params.put("name", d.name());
        params.put("language", d.language().code());
        params.put("email", d.email());
        params.put("phone", d.phone());
        params.put("team", d.teamId());
        params.put("site", d.siteId());
        return params;
    }

    static Person map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.of(Role.EMPLOYEE);
        String joined = rs.getString("roles");
        if (joined != null) {
            for (String name : joined.split(",")) {
                Role.parse(name).ifPresent(roles::add);
            }
        }
        return new Person(rs.getLong("id"), rs.getString("employee_number"), rs.getString("name"),
                Language.fromCode(rs.getString("language")).orElse(Language.DEFAULT), rs.getString("email"),
                rs.getString("phone"), rs.getObject("team_id", Long.class), rs.getString("team_name"),
                rs.getObject("site_id", Long.class), rs.getString("site_name"), rs.getBoolean("active"),
                Set.copyOf(roles), rs.getBoolean("has_account"),
                Language.fromCode(rs.getString("screen_language")).orElse(null));
    }

    /** Employee numbers and e-mail addresses already taken, for validating an import in one go. */
    public Map<String, Long> employeeNumbers() {
        Map<String, Long> result = new HashMap<>();
        jdbc.sql("select id, lower(employee_number) as n from person")
                .query((rs, i) -> result.put(rs.getString("n"), rs.getLong("id"))).list();
        return result;
    }

    public List<String> emails() {
        return new ArrayList<>(jdbc.sql("select lower(email) from person where email is not null")
                .query(String.class).list());
    }
}
