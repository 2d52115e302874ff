package nl.meedenken.platform;

import nl.meedenken.platform.delivery.Deliveries;
import nl.meedenken.platform.delivery.Kind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * In-app notifications behind the bell. Each is also queued for the channels the person chose for its
 * kind (e-mail when SMTP is configured, text messages, push): {@link Deliveries} sends them with retries.
 * Messages are stored as keys with arguments and shown (and sent) in the reader's language.
 */
@Service
public class Notifications {

    public static final int PAGE_SIZE = 20;
    /** Separates the arguments in one column; never typed by people. */
    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mail;
    private final Deliveries deliveries;

    Notifications(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> mail, Deliveries deliveries) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mail = mail;
        this.deliveries = deliveries;
    }

    /** Whether notifications can also go out by e-mail (an SMTP server is set). */
    public boolean mailOn() {
        return mail.getIfAvailable() != null;
    }

    /**
     * Tells each person once (the actor, if among them, is left out): stores the notification behind the bell
     * and queues it for the channels the person chose for its kind, in the same transaction.
     */
    @Transactional
    public void tell(Collection<Long> people, Long actor, String messageKey, String link, String... arguments) {
        tellAsOf(clock.instant(), people, actor, messageKey, link, arguments);
    }

    /** The same, for something that happened earlier (imports and the demo history). */
    @Transactional
    public void tellAsOf(java.time.Instant at, Collection<Long> people, Long actor, String messageKey, String link,
                         String... arguments) {
        LinkedHashSet<Long> once = new LinkedHashSet<>(people);
        if (actor != null) {
            once.remove(actor);
        }
        Kind kind = Kind.of(messageKey);
        for (long person : once) {
            long id = jdbc.sql("""
                            insert into notification (person_id, message, arguments, link, created_at)
                            values (:p, :m, :a, :l, :at) returning id""")
                    .param("p", person).param("m", messageKey).param("a", String.join(SEPARATOR, clean(arguments)))
                    .param("l", link).param("at", Timestamp.from(at)).query(Long.class).single();
            deliveries.enqueue(id, person, kind);
        }
    }

    /**
     * A reminder to people whose being chosen must stay unknown (for example: those who have not answered a
     * scan yet). Nothing is stored per person: no notification row, no delivery row, no log line naming
     * anyone, so the bell does not show it. It goes out at once, after the commit, through the channels the
     * person chose for its kind, without retries (see {@link Deliveries#sendUnrecorded}).
     *
     * @return how many people it was meant for
     */
    public int remind(Collection<Long> people, String messageKey, String link, String... arguments) {
        List<Long> once = new ArrayList<>(new LinkedHashSet<>(people));
        if (!once.isEmpty()) {
            String[] clean = clean(arguments);
            afterCommit(() -> once.forEach(p -> deliveries.sendUnrecorded(p, Kind.of(messageKey), messageKey, link, clean)));
        }
        return once.size();
    }

    @Transactional(readOnly = true)
    public int unread(long personId) {
        return jdbc.sql("select count(*) from notification where person_id = :p and read_at is null")
                .param("p", personId).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public Page<Notification> of(long personId, int page) {
        long total = jdbc.sql("select count(*) from notification where person_id = :p").param("p", personId)
                .query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        List<Notification> items = jdbc.sql("""
                        select id, message, arguments, link, created_at, read_at from notification where person_id = :p
                        order by id desc limit :limit offset :offset""")
                .param("p", personId).param("limit", PAGE_SIZE).param("offset", number * PAGE_SIZE)
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getString("message"),
                        rs.getString("arguments").isEmpty() ? List.of()
                                : Arrays.asList(rs.getString("arguments").split(SEPARATOR, -1)),
                        rs.getString("link"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
                .list();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    /** Marks one notification read and returns where it leads; only the person's own. */
    @Transactional
    public Optional<String> open(long id, long personId) {
        Optional<String> link = jdbc.sql("select coalesce(link, '') from notification where id = :id and person_id = :p")
                .param("id", id).param("p", personId).query(String.class).optional();
        link.ifPresent(l -> jdbc.sql("update notification set read_at = :at where id = :id and read_at is null")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update());
        return link;
    }

    @Transactional
    public void readAll(long personId) {
        jdbc.sql("update notification set read_at = :at where person_id = :p and read_at is null")
                .param("at", Timestamp.from(clock.instant())).param("p", personId).update();
    }

    /** Arguments come from what people typed; the separator must not appear in them. */
    private static String[] clean(String[] arguments) {
        String[] clean = new String[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            clean[i] = arguments[i] == null ? "" : arguments[i].replace(SEPARATOR, " ");
        }
        return clean;
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
