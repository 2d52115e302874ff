package nl.meedenken.evaluations.internal;

import java.time.Instant;
import java.time.LocalDate;

/** One evaluation of a team, planned, running or closed. */
public record Session(long id, Long seriesId, long teamId, String title, long facilitatorId, LocalDate plannedOn,
                      boolean anonymousCards, State state, Instant startedAt, Instant closedAt, String closingNote,
                      long version) {

    public enum State {
        PLANNED, RUNNING, CLOSED;

        public String labelKey() {
            return "evaluations.state." + name();
        }
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
