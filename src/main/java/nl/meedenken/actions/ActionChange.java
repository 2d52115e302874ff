package nl.meedenken.actions;

import java.time.Instant;

/**
 * One step in an action's history: who set which status when, or who changed its text,
 * owner or due date. The note is the reason for a status change, or the new owner's name.
 */
public record ActionChange(Instant at, String by, Kind kind, ActionStatus status, String note) {

    public enum Kind { STATUS, EDIT }
}
