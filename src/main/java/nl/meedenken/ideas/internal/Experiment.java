package nl.meedenken.ideas.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A time-boxed experiment: what we think will happen, what we try, how we measure, and what we decide. */
public record Experiment(long id, Long ideaId, String title, String hypothesis, String whatWeTry, String participants,
                         LocalDate startsOn, LocalDate endsOn, String measure, String result, Decision decision,
                         String decisionReason, String decidedBy, Instant decidedAt, Long innovationTeamId) {

    public enum Decision {
        ADOPT, ADJUST, STOP;

        public String labelKey() {
            return "experiments.decision." + name();
        }
    }

    /** Where an experiment stands on the board. */
    public enum State {
        PLANNED, RUNNING, AWAITING_DECISION, DECIDED;

        public String labelKey() {
            return "experiments.state." + name();
        }
    }

    public State stateOn(LocalDate today) {
        if (decision != null) {
            return State.DECIDED;
        }
        if (today.isBefore(startsOn)) {
            return State.PLANNED;
        }
        return today.isAfter(endsOn) ? State.AWAITING_DECISION : State.RUNNING;
    }

    /** Past its end date and still without a decision. */
    public boolean flaggedOn(LocalDate today) {
        return stateOn(today) == State.AWAITING_DECISION;
    }
}
