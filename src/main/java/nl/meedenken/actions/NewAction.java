package nl.meedenken.actions;

import java.time.LocalDate;

/**
 * The command to create an action.
 *
 * @param teamId the team it belongs to; {@code null} takes the owner's team
 */
public record NewAction(String title, String description, Long ownerId, Long teamId, LocalDate dueOn,
                        Origin origin) {

    public NewAction(String title, String description, Long ownerId, LocalDate dueOn, Origin origin) {
        this(title, description, ownerId, null, dueOn, origin);
    }
}
