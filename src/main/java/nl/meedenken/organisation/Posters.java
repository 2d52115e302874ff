package nl.meedenken.organisation;

import nl.meedenken.platform.AuditEntry;
import nl.meedenken.platform.AuditLog;
import nl.meedenken.platform.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The QR poster of a site: it opens the page where people without an account report a mistake or
 * send an idea. The address holds an unguessable token per site; renewing the poster makes a new
 * token, so every poster printed before stops working. Renewing is written to the audit log.
 */
@Service
public class Posters {

    /** The path that a poster's QR code opens, before the token. */
    public static final String GUEST_PATH = "/guest/";

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcClient jdbc;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Posters(JdbcClient jdbc, People people, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** A poster's site, found by its token. */
    public record Poster(SiteSummary site, String token) {
    }

    /** The active site whose current poster has this token; an old (renewed) or unknown token finds nothing. */
    @Transactional(readOnly = true)
    public Optional<Poster> byToken(String token) {
        if (token == null || !token.matches("[a-z0-9]{20,64}")) {
            return Optional.empty();
        }
        return jdbc.sql("select site_id from site_poster where token = :t").param("t", token).query(Long.class)
                .optional()
                .flatMap(id -> people.sites().stream().filter(s -> s.id().value() == id && s.active()).findFirst())
                .map(site -> new Poster(site, token));
    }

    /** The site's poster; the first time it is asked for, its token is made. */
    @Transactional
    public Poster of(SiteId site) {
        SiteSummary summary = people.sites().stream().filter(s -> s.id().equals(site)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such site: " + site));
        jdbc.sql("""
                        insert into site_poster (site_id, token, renewed_at) values (:s, :t, :at)
                        on conflict (site_id) do nothing""")
                .param("s", site.value()).param("t", newToken()).param("at", Timestamp.from(clock.instant())).update();
        String token = jdbc.sql("select token from site_poster where site_id = :s").param("s", site.value())
                .query(String.class).single();
        return new Poster(summary, token);
    }

    /** A new token for the site's poster: posters printed before no longer open the page. */
    @Transactional
    public Poster renew(SiteId site, String actor) {
        Poster old = of(site);
        jdbc.sql("update site_poster set token = :t, renewed_at = :at where site_id = :s")
                .param("t", newToken()).param("at", Timestamp.from(clock.instant())).param("s", site.value()).update();
        audit.record(AuditEntry.Type.GUEST_POSTER_RENEWED, actor, old.site().name(), null, null);
        return of(site);
    }

    /**
     * The languages the people of the site prefer (by their own site, or by their team's site), most
     * common first; only languages the screens speak. The poster says what to do in Dutch and in the
     * first two of these.
     */
    @Transactional(readOnly = true)
    public List<Language> languages(SiteId site) {
        Map<Long, Long> siteOfTeam = new HashMap<>();
        for (TeamSummary team : people.teams()) {
            if (team.site() != null) {
                siteOfTeam.put(team.id().value(), team.site().value());
            }
        }
        Map<Language, Integer> counted = new EnumMap<>(Language.class);
        for (PersonSummary person : people.withRole(nl.meedenken.platform.Role.EMPLOYEE)) {
            Long at = person.site() != null ? Long.valueOf(person.site().value())
                    : person.team() == null ? null : siteOfTeam.get(person.team().value());
            if (at != null && at == site.value() && person.language() != null && person.language().hasScreens()) {
                counted.merge(person.language(), 1, Integer::sum);
            }
        }
        return counted.entrySet().stream()
                .sorted(Map.Entry.<Language, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private String newToken() {
        char[] token = new char[32];
        for (int i = 0; i < token.length; i++) {
            token[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(token);
    }
}
