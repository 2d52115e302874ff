package nl.meedenken.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
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
 * In-app notifications behind the bell, and the same by e-mail when SMTP is configured
 * ({@code spring.mail.host}). Without SMTP everything works; the e-mail is simply not sent.
 * Messages are stored as keys with arguments and shown in the reader's language.
 */
@Service
public class Notifications {

    public static final int PAGE_SIZE = 20;
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    /** Separates the arguments in one column; never typed by people. */
    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<Recipients> recipients;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    Notifications(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> mail,
                  ObjectProvider<Recipients> recipients, MessageSource messages,
                  @org.springframework.beans.factory.annotation.Value("${meedenken.mail.from:meedenken@localhost}") String from,
                  PublicUrl publicUrl) {
        this.from = from;
        this.baseUrl = publicUrl.base();
        this.jdbc = jdbc;
        this.clock = clock;
        this.mail = mail;
        this.recipients = recipients;
        this.messages = messages;
    }

    /** Whether notifications also go out by e-mail. */
    public boolean mailOn() {
        return mail.getIfAvailable() != null;
    }

    /** Tells each person once (the actor, if among them, is left out). */
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
        for (long person : once) {
            jdbc.sql("""
                            insert into notification (person_id, message, arguments, link, created_at)
                            values (:p, :m, :a, :l, :at)""")
                    .param("p", person).param("m", messageKey).param("a", String.join(SEPARATOR, clean(arguments)))
                    .param("l", link).param("at", Timestamp.from(at)).update();
        }
        if (mailOn() && !once.isEmpty()) {
            List<Long> addressed = new ArrayList<>(once);
            afterCommit(() -> addressed.forEach(p -> send(p, messageKey, link, arguments, true)));
        }
    }

    /**
     * A reminder to people whose being chosen must stay unknown (for example: those who have not answered a
     * scan yet). Nothing is stored per person, no row, no log line naming anyone: the bell does not show it.
     * For now it goes out by e-mail as {@link #tell} does, after the commit.
     *
     * @return how many people it was meant for
     */
    public int remind(Collection<Long> people, String messageKey, String link, String... arguments) {
        List<Long> once = new ArrayList<>(new LinkedHashSet<>(people));
        if (mailOn() && !once.isEmpty()) {
            afterCommit(() -> once.forEach(p -> send(p, messageKey, link, arguments, false)));
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

    private void send(long person, String messageKey, String link, String[] arguments, boolean named) {
        JavaMailSender sender = mail.getIfAvailable();
        Recipients known = recipients.getIfAvailable();
        if (sender == null || known == null) {
            return;
        }
        known.find(person).filter(r -> r.email() != null && !r.email().isBlank()).ifPresent(r -> {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(r.email());
                message.setSubject(messages.getMessage("notifications.mail.subject", null, "Meedenken", r.locale()));
                message.setText(messages.getMessage(messageKey, arguments, messageKey, r.locale()) + "\n\n"
                        + messages.getMessage("notifications.mail.footer", new Object[]{baseUrl + (link == null ? "/" : link)},
                        "", r.locale()));
                sender.send(message);
            } catch (RuntimeException e) {
                if (named) {
                    log.warn("Could not e-mail notification to person {}: {}", person, e.getMessage());
                } else {
                    // a reminder: who was meant stays unsaid (a mail error's text may hold the address)
                    log.warn("Could not e-mail a reminder ({}): {}", messageKey, e.getClass().getSimpleName());
                }
            }
        });
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
