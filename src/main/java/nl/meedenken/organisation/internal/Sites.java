package nl.meedenken.organisation.internal;

import nl.meedenken.organisation.SiteId;
import nl.meedenken.organisation.SiteSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** The company's sites: depots, warehouses, offices. */
@Service
public class Sites {

    private final JdbcClient jdbc;

    Sites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A site with how many active people work there, for the admin list. */
    public record SiteRow(long id, String name, String city, boolean active, long people) {
        public SiteSummary summary() {
            return new SiteSummary(new SiteId(id), name, city, active);
        }
    }

    @Transactional(readOnly = true)
    public List<SiteRow> all() {
        return jdbc.sql("""
                        select s.id, s.name, s.city, s.active,
                               (select count(*) from person p where p.site_id = s.id and p.active) as people
                        from site s order by s.active desc, lower(s.name)
                        """)
                .query((rs, i) -> new SiteRow(rs.getLong("id"), rs.getString("name"), rs.getString("city"),
                        rs.getBoolean("active"), rs.getLong("people")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<SiteRow> active() {
        return all().stream().filter(SiteRow::active).toList();
    }

    @Transactional(readOnly = true)
    public Optional<SiteRow> find(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst();
    }

    @Transactional
    public long create(String name, String city) {
        String clean = requireName(name, null);
        return jdbc.sql("insert into site (name, city) values (:name, :city) returning id")
                .param("name", clean).param("city", blankToNull(city)).query(Long.class).single();
    }

    @Transactional
    public void change(long id, String name, String city, boolean active) {
        String clean = requireName(name, id);
        if (!active && find(id).map(SiteRow::people).orElse(0L) > 0) {
            throw new InvalidInput("active", "site.error.stillHasPeople");
        }
        jdbc.sql("update site set name = :name, city = :city, active = :active where id = :id")
                .param("name", clean).param("city", blankToNull(city)).param("active", active).param("id", id)
                .update();
    }

    private String requireName(String name, Long exceptId) {
        return UniqueNames.require(jdbc, "site", name, exceptId, "site.error.nameTaken");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
