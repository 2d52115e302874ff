package nl.meedenken.platform.delivery;

import nl.meedenken.platform.Recipients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each person's choice, per {@link Kind}, of the channels besides the app. Without a choice: the app and
 * e-mail when the person has an address, the app only otherwise. Only channels that are set up and reach
 * the person are offered (and used).
 */
@Service
public class DeliveryChoices {

    /** The order in which channels are offered. */
    private static final List<String> ORDER = List.of("mail", "sms", "push");

    /** One line of the table on the profile page. */
    public record Line(Kind kind, Set<String> chosen) {
        public boolean has(String channel) {
            return chosen.contains(channel);
        }
    }

    private final JdbcClient jdbc;
    private final List<Channel> channels;
    private final ObjectProvider<Recipients> recipients;
    private final List<String> quietHours;

    DeliveryChoices(JdbcClient jdbc, List<Channel> channels, ObjectProvider<Recipients> recipients,
                    @org.springframework.beans.factory.annotation.Value("${meedenken.delivery.quiet-from:22:00}") String quietFrom,
                    @org.springframework.beans.factory.annotation.Value("${meedenken.delivery.quiet-until:07:00}") String quietUntil) {
        this.quietHours = List.of(quietFrom, quietUntil);
        this.jdbc = jdbc;
        this.channels = channels.stream()
                .sorted(Comparator.comparingInt(c -> ORDER.contains(c.name()) ? ORDER.indexOf(c.name()) : ORDER.size()))
                .toList();
        this.recipients = recipients;
    }

    /** When text messages and push wait: from, until (as configured, e.g. 22:00 and 07:00). */
    public List<String> quietHours() {
        return quietHours;
    }

    /** The channels this person can choose now, in a fixed order (mail, sms, push). */
    public List<String> offered(long personId) {
        return channels.stream().filter(c -> c.ready() && (!(c instanceof Reachable r) || r.reaches(personId)))
                .map(Channel::name).toList();
    }

    /** The person's table: every kind with the channels chosen among those offered. */
    @Transactional(readOnly = true)
    public List<Line> of(long personId) {
        List<String> offered = offered(personId);
        Map<Kind, Set<String>> stored = stored(personId);
        Set<String> defaults = defaults(personId);
        return Arrays.stream(Kind.values()).map(kind -> new Line(kind, stored.getOrDefault(kind, defaults).stream()
                .filter(offered::contains).collect(Collectors.toCollection(LinkedHashSet::new)))).toList();
    }

    /** The channels a notification of this kind goes out on for this person (besides the app). */
    @Transactional(readOnly = true)
    public Set<String> channels(long personId, Kind kind) {
        Set<String> chosen = jdbc.sql("select channels from delivery_choice where person_id = :p and kind = :k")
                .param("p", personId).param("k", kind.name()).query(String.class).optional()
                .map(DeliveryChoices::split).orElseGet(() -> defaults(personId));
        if (chosen.isEmpty()) {
            return chosen;
        }
        List<String> offered = offered(personId);
        return chosen.stream().filter(offered::contains).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Stores the person's choice for every kind; channels not offered to them are left out. */
    @Transactional
    public void save(long personId, Map<Kind, Set<String>> choice) {
        List<String> offered = offered(personId);
        for (Kind kind : Kind.values()) {
            String channelsChosen = choice.getOrDefault(kind, Set.of()).stream().filter(offered::contains)
                    .sorted(Comparator.comparingInt(ORDER::indexOf)).collect(Collectors.joining(","));
            jdbc.sql("""
                            insert into delivery_choice (person_id, kind, channels) values (:p, :k, :c)
                            on conflict (person_id, kind) do update set channels = excluded.channels""")
                    .param("p", personId).param("k", kind.name()).param("c", channelsChosen).update();
        }
    }

    private Map<Kind, Set<String>> stored(long personId) {
        Map<Kind, Set<String>> stored = new EnumMap<>(Kind.class);
        jdbc.sql("select kind, channels from delivery_choice where person_id = :p").param("p", personId)
                .query((rs, i) -> Map.entry(rs.getString("kind"), rs.getString("channels"))).list()
                .forEach(e -> Kind.named(e.getKey()).ifPresent(k -> stored.put(k, split(e.getValue()))));
        return stored;
    }

    private Set<String> defaults(long personId) {
        Recipients known = recipients.getIfAvailable();
        boolean email = known != null && known.find(personId).filter(Recipients.Recipient::hasEmail).isPresent();
        return email ? Set.of("mail") : Set.of();
    }

    private static Set<String> split(String channels) {
        return Arrays.stream(channels.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
