package nl.meedenken.platform.delivery;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import nl.meedenken.platform.Page;
import nl.meedenken.platform.PublicUrl;
import nl.meedenken.platform.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outbox for everything that leaves the app. {@link #enqueue} writes one row per channel the person chose,
 * in the notification's transaction; {@link #run} (a job every 30 seconds, once across all nodes) sends the
 * rows that are due, one locked row at a time ({@code for update skip locked}: two nodes never send one row
 * twice). A failure that may pass is tried again after 1, 5 and 30 minutes and 2 hours; after the fifth
 * attempt, or at once when trying again cannot help, the row is FAILED and shown to the administrator.
 * Text messages and push wait during the quiet hours; text messages beyond the daily cap wait for the next day.
 */
@Service
public class Deliveries {

    public static final String JOB = "delivery-queue";
    public static final int PAGE_SIZE = 25;
    public static final int MAX_ATTEMPTS = 5;
    /** The wait after the 1st, 2nd, 3rd and 4th failed attempt. */
    static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    private static final String SEPARATOR = "\u001f"; // as Notifications stores arguments
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    public enum Status {
        WAITING, SENT, FAILED;

        public String labelKey() {
            return "deliveries.status." + name();
        }
    }

    /** One row as the administrator sees it. */
    public record Delivery(long id, long personId, String person, String channel, Kind kind, Status status,
                           int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, Channel> channels;
    private final DeliveryChoices choices;
    private final ObjectProvider<Recipients> recipients;
    private final MessageSource messages;
    private final PublicUrl publicUrl;
    private final ZoneId zone;
    private final LocalTime quietFrom;
    private final LocalTime quietUntil;
    private final int smsDailyCap;
    private final int perRun;

    Deliveries(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock, List<Channel> channels,
               DeliveryChoices choices, ObjectProvider<Recipients> recipients, MessageSource messages,
               PublicUrl publicUrl,
               @Value("${meedenken.time-zone:Europe/Amsterdam}") ZoneId zone,
               @Value("${meedenken.delivery.quiet-from:22:00}") LocalTime quietFrom,
               @Value("${meedenken.delivery.quiet-until:07:00}") LocalTime quietUntil,
               @Value("${meedenken.sms.daily-cap:5}") int smsDailyCap,
               @Value("${meedenken.delivery.per-run:500}") int perRun) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity(), (a, b) -> a));
        this.choices = choices;
        this.recipients = recipients;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.zone = zone;
        this.quietFrom = quietFrom;
        this.quietUntil = quietUntil;
        this.smsDailyCap = smsDailyCap;
        this.perRun = perRun;
    }

    /**
     * Queues a notification for the channels the person chose for its kind (channels that are not set up or
     * do not reach the person are left out). Runs in the caller's transaction.
     */
    @Transactional
    public void enqueue(long notificationId, long personId, Kind kind) {
        Instant now = clock.instant();
        for (String channel : choices.channels(personId, kind)) {
            jdbc.sql("""
                            insert into delivery (notification_id, person_id, channel, kind, next_attempt_at, created_at)
                            values (:n, :p, :c, :k, :at, :at) on conflict do nothing""")
                    .param("n", notificationId).param("p", personId).param("c", channel).param("k", kind.name())
                    .param("at", Timestamp.from(now)).update();
        }
    }

    /**
     * Sends one message at once through the channels the person chose for its kind and stores nothing: for
     * reminders whose recipients must stay unknown (who has not answered a scan). No retries, no row, and a
     * failure is logged without the person; text messages and push keep the quiet hours (then not sent).
     */
    public void sendUnrecorded(long personId, Kind kind, String messageKey, String link, String[] arguments) {
        Instant now = clock.instant();
        Optional<Recipients.Recipient> recipient = Optional.ofNullable(recipients.getIfAvailable())
                .flatMap(r -> r.find(personId));
        if (recipient.isEmpty()) {
            return;
        }
        Locale locale = recipient.get().locale();
        Channel.Message message = new Channel.Message(0, personId, locale,
                messages.getMessage("notifications.mail.subject", null, "Meedenken", locale),
                messages.getMessage(messageKey, arguments, messageKey, locale),
                publicUrl.base() + (link == null || link.isBlank() ? "/" : link));
        for (String name : choices.channels(personId, kind)) {
            Channel channel = channels.get(name);
            boolean held = name.equals("sms") || name.equals("push");
            if (channel == null || !channel.ready() || (held && quiet(now))) {
                continue;
            }
            try {
                channel.send(message);
            } catch (Channel.Failed | RuntimeException e) {
                log.warn("A reminder ({}) by {} did not go out: {}", messageKey, name, e.getClass().getSimpleName());
            }
        }
    }

    /** Sends what is due now; returns how many rows were handled (sent, failed, or put off). */
    public int run() {
        return run(clock.instant());
    }

    /** Sends what is due at {@code now} (the job passes the clock's time; tests a time of their own). */
    int run(Instant now) {
        int handled = 0;
        while (handled < perRun && Boolean.TRUE.equals(transactions.execute(s -> next(now)))) {
            handled++;
        }
        return handled;
    }

    private record Due(long id, long personId, String channel, int attempts, String message, String arguments,
                       String link) {
    }

    /** Takes one due row, locked for this transaction only, and handles it; false when none is due. */
    private boolean next(Instant now) {
        Optional<Due> due = jdbc.sql("""
                        select d.id, d.person_id, d.channel, d.attempts, n.message, n.arguments, n.link
                        from delivery d join notification n on n.id = d.notification_id
                        where d.status = 'WAITING' and d.next_attempt_at <= :now
                        order by d.next_attempt_at, d.id limit 1 for update of d skip locked""")
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Due(rs.getLong("id"), rs.getLong("person_id"), rs.getString("channel"),
                        rs.getInt("attempts"), rs.getString("message"), rs.getString("arguments"), rs.getString("link")))
                .optional();
        if (due.isEmpty()) {
            return false;
        }
        handle(due.get(), now);
        return true;
    }

    private void handle(Due due, Instant now) {
        Channel channel = channels.get(due.channel());
        if (channel == null || !channel.ready()) {
            fail(due, "the channel is not set up here", now);
            return;
        }
        boolean held = due.channel().equals("sms") || due.channel().equals("push");
        if (held && quiet(now)) {
            putOff(due.id(), quietEnd(now));
            return;
        }
        if (due.channel().equals("sms")) {
            // one node at a time counts this person's text messages of today
            jdbc.sql("select pg_advisory_xact_lock(2101, cast(:p % 2147483647 as int))").param("p", due.personId())
                    .query((rs, i) -> 1).list();
            Instant today = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            long sentToday = jdbc.sql("""
                            select count(*) from delivery where person_id = :p and channel = 'sms' and status = 'SENT'
                            and sent_at >= :today""")
                    .param("p", due.personId()).param("today", Timestamp.from(today)).query(Long.class).single();
            if (sentToday >= smsDailyCap) {
                Instant tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
                putOff(due.id(), quiet(tomorrow) ? quietEnd(tomorrow) : tomorrow);
                return;
            }
        }
        Optional<Recipients.Recipient> recipient = Optional.ofNullable(recipients.getIfAvailable())
                .flatMap(r -> r.find(due.personId()));
        if (recipient.isEmpty()) {
            fail(due, "the person is not active", now);
            return;
        }
        Locale locale = recipient.get().locale();
        String[] arguments = due.arguments() == null || due.arguments().isEmpty() ? new String[0]
                : due.arguments().split(SEPARATOR, -1);
        Channel.Message message = new Channel.Message(due.id(), due.personId(), locale,
                messages.getMessage("notifications.mail.subject", null, "Meedenken", locale),
                messages.getMessage(due.message(), arguments, due.message(), locale),
                publicUrl.base() + (due.link() == null || due.link().isBlank() ? "/" : due.link()));
        try {
            channel.send(message);
            jdbc.sql("update delivery set status = 'SENT', attempts = attempts + 1, sent_at = :at where id = :id")
                    .param("at", Timestamp.from(now)).param("id", due.id()).update();
        } catch (Channel.Failed failed) {
            attemptFailed(due, failed.getMessage(), failed.retry(), now);
        } catch (RuntimeException e) {
            attemptFailed(due, e.getClass().getSimpleName(), true, now);
        }
    }

    private void attemptFailed(Due due, String reason, boolean retry, Instant now) {
        int attempts = due.attempts() + 1;
        // the reason names the channel's trouble, never the message text
        log.warn("Delivery {} by {} failed (attempt {} of {}): {}", due.id(), due.channel(), attempts, MAX_ATTEMPTS,
                reason);
        if (!retry || attempts >= MAX_ATTEMPTS) {
            jdbc.sql("update delivery set status = 'FAILED', attempts = :a, last_error = :e where id = :id")
                    .param("a", attempts).param("e", trim(reason)).param("id", due.id()).update();
            return;
        }
        jdbc.sql("update delivery set attempts = :a, last_error = :e, next_attempt_at = :next where id = :id")
                .param("a", attempts).param("e", trim(reason))
                .param("next", Timestamp.from(now.plus(BACK_OFF.get(attempts - 1)))).param("id", due.id()).update();
    }

    private void fail(Due due, String reason, Instant now) {
        attemptFailed(due, reason, false, now);
    }

    private void putOff(long id, Instant until) {
        jdbc.sql("update delivery set next_attempt_at = :at where id = :id")
                .param("at", Timestamp.from(until)).param("id", id).update();
    }

    /** Whether {@code at} falls in the quiet hours (22:00 to 07:00 unless configured otherwise). */
    boolean quiet(Instant at) {
        LocalTime time = at.atZone(zone).toLocalTime();
        return quietFrom.isAfter(quietUntil) ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
    }

    /** The end of the quiet hours that {@code at} falls in. */
    Instant quietEnd(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        var day = local.toLocalDate();
        if (quietFrom.isAfter(quietUntil) && !local.toLocalTime().isBefore(quietFrom)) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, quietUntil, zone).toInstant();
    }

    /** The outbox for the administrator, newest first; {@code status} and {@code channel} may be null. */
    @Transactional(readOnly = true)
    public Page<Delivery> list(Status status, String channel, int page) {
        String where = " where (cast(:s as varchar) is null or status = :s) and (cast(:c as varchar) is null or channel = :c)";
        long total = jdbc.sql("select count(*) from delivery" + where)
                .param("s", status == null ? null : status.name()).param("c", channel)
                .query(Long.class).single();
        int number = Page.clamp(page, total, PAGE_SIZE);
        Recipients known = recipients.getIfAvailable();
        List<Delivery> items = jdbc.sql("select * from delivery" + where + " order by id desc limit :limit offset :offset")
                .param("s", status == null ? null : status.name()).param("c", channel)
                .param("limit", PAGE_SIZE).param("offset", number * PAGE_SIZE)
                .query((rs, i) -> {
                    long person = rs.getLong("person_id");
                    return new Delivery(rs.getLong("id"), person,
                            known == null ? "#" + person : known.find(person).map(Recipients.Recipient::name).orElse("#" + person),
                            rs.getString("channel"), Kind.named(rs.getString("kind")).orElse(Kind.OTHER),
                            Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
                            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());
                }).list();
        return new Page<>(items, number, PAGE_SIZE, total);
    }

    /** The channels that appear in the outbox or are installed here, for the filter. */
    public List<String> channelNames() {
        return channels.keySet().stream().sorted().toList();
    }

    /** Puts a FAILED row back in the queue with fresh attempts; false when it was not FAILED. */
    @Transactional
    public boolean tryAgain(long id) {
        return jdbc.sql("""
                        update delivery set status = 'WAITING', attempts = 0, next_attempt_at = :now
                        where id = :id and status = 'FAILED'""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update() == 1;
    }

    /** How many rows failed for good that were queued in the last {@code days} days. */
    @Transactional(readOnly = true)
    public long failedInLast(int days) {
        return jdbc.sql("select count(*) from delivery where status = 'FAILED' and created_at >= :since")
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(days)))).query(Long.class).single();
    }

    private static String trim(String reason) {
        String r = reason == null ? "unknown" : reason;
        return r.length() > 300 ? r.substring(0, 300) : r;
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {
        @Bean
        RecurringTask<Void> deliveryQueue(Deliveries deliveries,
                                          @Value("${meedenken.delivery.every:30s}") Duration every) {
            return Tasks.recurring(JOB, FixedDelay.of(every)).execute((instance, context) -> deliveries.run());
        }
    }
}
