package nl.meedenken.innovations.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The involvement plan: what must be true before a project leaves a phase. Some items apply only when the
 * system can monitor people. Each names the kinds of evidence that fit it.
 */
public enum Readiness {
    CONSULTED(Phase.EXPLORE, false, Set.of(Evidence.IDEA, Evidence.EVALUATION, Evidence.CHALLENGE)),
    COUNCIL_INFORMED(Phase.EXPLORE, false, Set.of()),
    CO_DESIGN_SESSION(Phase.CO_DESIGN, false, Set.of(Evidence.EVALUATION, Evidence.CHALLENGE)),
    FEEDBACK_CHANNEL(Phase.CO_DESIGN, false, Set.of(Evidence.CHALLENGE, Evidence.IDEA)),
    // settled before the pilot starts: a pilot of a system that can monitor people needs the agreement first
    PILOT_EXPERIMENT(Phase.CO_DESIGN, false, Set.of(Evidence.EXPERIMENT)),
    DATA_AGREEMENT(Phase.CO_DESIGN, true, Set.of(Evidence.DRIVING_AGREEMENT)),
    COUNCIL_CONSENT(Phase.CO_DESIGN, true, Set.of()),
    TRAINING_PLANNED(Phase.PILOT, false, Set.of(Evidence.ACTION)),
    EVALUATION_HELD(Phase.EVALUATE, false, Set.of(Evidence.EVALUATION));

    /** What can prove an item: something of another module, by kind and id. */
    public enum Evidence { IDEA, CHALLENGE, EXPERIMENT, EVALUATION, ACTION, DRIVING_AGREEMENT }

    public enum Status { OPEN, DONE, NOT_NEEDED }

    private final Phase phase;
    private final boolean onlyWhenMonitoring;
    private final Set<Evidence> evidence;

    Readiness(Phase phase, boolean onlyWhenMonitoring, Set<Evidence> evidence) {
        this.phase = phase;
        this.onlyWhenMonitoring = onlyWhenMonitoring;
        this.evidence = evidence;
    }

    /** The phase this item must be settled in before the project leaves it. */
    public Phase phase() {
        return phase;
    }

    public Set<Evidence> evidence() {
        return evidence;
    }

    /** Items the law or the works council require: they can be done, never waved away as not needed. */
    public boolean required() {
        return onlyWhenMonitoring;
    }

    public boolean appliesTo(boolean monitorsPeople) {
        return !onlyWhenMonitoring || monitorsPeople;
    }

    public String labelKey() {
        return "innovations.item." + name();
    }

    public static List<Readiness> of(Phase phase, boolean monitorsPeople) {
        return Arrays.stream(values()).filter(r -> r.phase == phase && r.appliesTo(monitorsPeople)).toList();
    }

    public static Optional<Readiness> find(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
