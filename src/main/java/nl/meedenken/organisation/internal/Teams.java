package nl.meedenken.organisation.internal;

import nl.meedenken.organisation.SiteId;
import nl.meedenken.organisation.TeamId;
import nl.meedenken.organisation.TeamSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Teams and departments: planning, warehouse, drivers, office, management, or whatever the company uses. */
@Service
public class Teams {

    private final JdbcClient jdbc;

    Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A team with how many active people it has, for the admin list. */
    public record TeamRow(long id, String name, Long siteId, String siteName, boolean active, long members) {
        public TeamSummary summary() {
            return new TeamSummary(new TeamId(id), name, siteId == null ? null : new SiteId(siteId), active);
        }
    }

    @Transactional(readOnly = true)
    public List<TeamRow> all() {
        return jdbc.sql("""
                        select t.id, t.name, t.site_id, s.name as site_name, t.active,
                               (select count(*) from person p where p.team_id = t.id and p.active) as members
                        from team t left join site s on s.id = t.site_id
                        order by t.active desc, lower(t.name)
                        """)
                .query((rs, i) -> new TeamRow(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("site_id", Long.class), rs.getString("site_name"), rs.getBoolean("active"),
                        rs.getLong("members")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<TeamRow> active() {
        return all().stream().filter(TeamRow::active).toList();
    }

    @Transactional(readOnly = true)
    public Optional<TeamRow> find(long id) {
        return all().stream().filter(t -> t.id() == id).findFirst();
    }

    @Transactional
    public long create(String name, Long siteId) {
        String clean = requireName(name, null);
        return jdbc.sql("insert into team (name, site_id) values (:name, :site) returning id")
                .param("name", clean).param("site", siteId).query(Long.class).single();
    }

    @Transactional
    public void change(long id, String name, Long siteId, boolean active) {
        String clean = requireName(name, id);
        if (!active && find(id).map(TeamRow::members).orElse(0L) > 0) {
            throw new InvalidInput("active", "team.error.stillHasMembers");
        }
        jdbc.sql("update team set name = :name, site_id = :site, active = :active where id = :id")
                .param("name", clean).param("site", siteId).param("active", active).param("id", id).update();
    }

    private String requireName(String name, Long exceptId) {
        return UniqueNames.require(jdbc, "team", name, exceptId, "team.error.nameTaken");
    }
}
