package nl.meedenken.driving.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The figures an agreement can allow. Each knows which score it counts towards, which values
 * earn a full or no score, and in which direction it is better.
 */
public enum Metric {
    FUEL(Score.ECO, 25.0, 40.0),          // l/100 km
    IDLING(Score.ECO, 5.0, 25.0),         // % of engine-on time standing still
    CRUISE(Score.ECO, 60.0, 10.0),        // % of distance on cruise control
    COASTING(Score.ECO, 15.0, 2.0),       // % of distance rolling without torque
    HARSH_BRAKING(Score.SAFETY, 0.0, 60.0),       // seconds per 100 km
    HARSH_ACCELERATION(Score.SAFETY, 0.0, 60.0),  // seconds per 100 km
    OVERSPEED(Score.SAFETY, 0.0, 10.0);   // % of distance above the limit

    public enum Score { ECO, SAFETY }

    private final Score score;
    private final double best;
    private final double worst;

    Metric(Score score, double best, double worst) {
        this.score = score;
        this.best = best;
        this.worst = worst;
    }

    public Score score() {
        return score;
    }

    /** The value that earns 100 points. */
    public double best() {
        return best;
    }

    /** The value that earns 0 points. */
    public double worst() {
        return worst;
    }

    /** 0 to 100 points: linear between the worst and the best value, capped at both ends. */
    public double points(double value) {
        double share = (value - worst) / (best - worst);
        return 100 * Math.max(0, Math.min(1, share));
    }

    public String labelKey() {
        return "driving.metric." + name();
    }

    public String unitKey() {
        return "driving.unit." + name();
    }

    public String tipKey() {
        return "driving.tip." + name();
    }

    public static Set<Metric> parse(String list) {
        EnumSet<Metric> set = EnumSet.noneOf(Metric.class);
        if (list != null) {
            for (String part : list.split(",")) {
                find(part.strip()).ifPresent(set::add);
            }
        }
        return set;
    }

    public static Optional<Metric> find(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }
}
