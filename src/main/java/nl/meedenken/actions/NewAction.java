package nl.meedenken.actions;

import java.time.LocalDate;

/** The command to create an action. */
public record NewAction(String title, String description, Long ownerId, LocalDate dueOn, Origin origin) {
}
