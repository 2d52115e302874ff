package nl.meedenken.platform;

import java.time.Instant;
import java.util.List;

/** Something that happened for one person: a message key with its arguments and a link. */
public record Notification(long id, String message, List<String> arguments, String link, Instant createdAt,
                           boolean read) {
}
