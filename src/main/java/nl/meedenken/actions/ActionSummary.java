package nl.meedenken.actions;

import java.time.LocalDate;

/** An action as other modules show it. */
public record ActionSummary(ActionId id, String title, String description, long ownerId, String ownerName,
                            LocalDate dueOn, String status, Origin origin) {
}
