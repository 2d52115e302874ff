package nl.meedenken.platform.push;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The devices each person asked to get notifications on: one row per browser subscription
 * (its push service endpoint and its encryption keys). Only {@code https} endpoints are taken;
 * {@code meedenken.push.allow-insecure-endpoints} lets tests use a push service on {@code http://127.0.0.1}.
 */
@Component
class Subscriptions {

    /** More devices than anyone carries; the oldest goes when a person subscribes one more. */
    static final int MOST_DEVICES = 10;

    record Subscription(long id, long personId, String endpoint, String p256dh, String auth) {
    }

    /** What a browser hands over after subscribing; refused when it is not a usable subscription. */
    record Offered(String endpoint, String p256dh, String auth, String userAgent) {
    }

    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean allowInsecure;

    Subscriptions(JdbcClient jdbc, Clock clock,
                  @Value("${meedenken.push.allow-insecure-endpoints:false}") boolean allowInsecure) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.allowInsecure = allowInsecure;
    }

    /**
     * Keeps the device for the person. A browser that was subscribed for someone else (a shared
     * phone) now belongs to the person who subscribed it last.
     */
    @Transactional
    long add(long personId, Offered offered) {
        URI endpoint = usableEndpoint(offered.endpoint());
        byte[] key;
        byte[] auth;
        try {
            key = P256.unbase64(offered.p256dh() == null ? "" : offered.p256dh());
            auth = P256.unbase64(offered.auth() == null ? "" : offered.auth());
            P256.publicKey(key);
        } catch (IllegalArgumentException e) {
            throw new Refused("the browser's keys are not P-256 keys");
        }
        if (auth.length != 16) {
            throw new Refused("the browser's auth secret is not 16 bytes");
        }
        String agent = offered.userAgent() == null ? null
                : offered.userAgent().length() > 300 ? offered.userAgent().substring(0, 300) : offered.userAgent();
        long id = jdbc.sql("""
                        insert into push_subscription (person_id, endpoint, p256dh, auth, user_agent, created_at)
                        values (:person, :endpoint, :key, :auth, :agent, :at)
                        on conflict (endpoint) do update set person_id = excluded.person_id, p256dh = excluded.p256dh,
                            auth = excluded.auth, user_agent = excluded.user_agent, created_at = excluded.created_at
                        returning id""")
                .param("person", personId).param("endpoint", endpoint.toString())
                .param("key", P256.base64(key)).param("auth", P256.base64(auth)).param("agent", agent)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single();
        jdbc.sql("""
                        delete from push_subscription where person_id = :person and id not in
                            (select id from push_subscription where person_id = :person order by created_at desc, id desc
                             limit :most)""")
                .param("person", personId).param("most", MOST_DEVICES).update();
        return id;
    }

    /** Takes a web address as a push endpoint only when it is https (or local http, for tests). */
    URI usableEndpoint(String text) {
        if (text == null || text.isBlank() || text.length() > 1000) {
            throw new Refused("no endpoint");
        }
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new Refused("the endpoint is not a web address");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getFragment() != null) {
            throw new Refused("the endpoint is not a web address");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean localHttp = "http".equals(uri.getScheme()) && "127.0.0.1".equals(uri.getHost());
        if (!https && !(allowInsecure && localHttp)) {
            throw new Refused("push endpoints must use https");
        }
        return uri;
    }

    List<Subscription> of(long personId) {
        return jdbc.sql("select id, person_id, endpoint, p256dh, auth from push_subscription where person_id = :p order by id")
                .param("p", personId)
                .query((rs, row) -> new Subscription(rs.getLong("id"), rs.getLong("person_id"), rs.getString("endpoint"),
                        rs.getString("p256dh"), rs.getString("auth")))
                .list();
    }

    int count(long personId) {
        return jdbc.sql("select count(*) from push_subscription where person_id = :p").param("p", personId)
                .query(Integer.class).single();
    }

    /** "Turn off on this device": only the person's own subscription is removed. */
    boolean remove(long personId, String endpoint) {
        return jdbc.sql("delete from push_subscription where person_id = :p and endpoint = :e")
                .param("p", personId).param("e", endpoint == null ? "" : endpoint.strip()).update() > 0;
    }

    /** The off switch: no device of the person gets push messages any more. */
    int removeAll(long personId) {
        return jdbc.sql("delete from push_subscription where person_id = :p").param("p", personId).update();
    }

    /** The push service says this subscription is gone (404 or 410): the browser unsubscribed or expired. */
    void gone(long id) {
        jdbc.sql("delete from push_subscription where id = :id").param("id", id).update();
    }
}
