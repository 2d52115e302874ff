package nl.meedenken.evaluations.internal;

import java.time.LocalDate;

/** An open action of an earlier session as it stood when a session began. */
public record Review(long actionId, String title, String ownerName, LocalDate dueOn, String status) {
}
