package nl.meedenken.actions;

import java.time.LocalDate;

/** The command to change an action's text, owner, team or due date. */
public record ActionEdit(String title, String description, Long ownerId, Long teamId, LocalDate dueOn) {
}
