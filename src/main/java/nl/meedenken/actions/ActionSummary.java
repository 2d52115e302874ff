package nl.meedenken.actions;

import java.time.LocalDate;

/** An action as pages and other modules show it. */
public record ActionSummary(ActionId id, String title, String description, long ownerId, String ownerName,
                            Long teamId, String teamName, LocalDate dueOn, ActionStatus status,
                            String droppedReason, Origin origin) {

    public boolean overdueOn(LocalDate today) {
        return status.isOpen() && dueOn.isBefore(today);
    }

    /** Open and due today or within the next three days. */
    public boolean dueSoonOn(LocalDate today) {
        return status.isOpen() && !dueOn.isBefore(today) && !dueOn.isAfter(today.plusDays(Actions.REMIND_DAYS));
    }
}
