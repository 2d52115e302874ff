package nl.meedenken.driving.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What management and the works council agreed on about driving data: which figures are collected
 * and why, who sees them, how long they are kept and how the scores weigh them.
 */
public record Agreement(long id, String purpose, Set<Metric> metrics, boolean teamAggregate, boolean plannerIndividual,
                        boolean managementIndividual, boolean leaderboard, int retentionDays, Map<Metric, Integer> weights,
                        String draftedBy, Instant draftedAt, LocalDate consentOn, String consentRecordedBy,
                        Instant endedAt) {

    public enum Status { DRAFT, IN_FORCE, ENDED }

    /** Changes whenever a draft is saved; a consent names the version the council read. */
    public long version() {
        return draftedAt.toEpochMilli();
    }

    public Status status() {
        if (consentOn == null) {
            return Status.DRAFT;
        }
        return endedAt == null ? Status.IN_FORCE : Status.ENDED;
    }

    public boolean collects(Metric metric) {
        return metrics.contains(metric);
    }

    public int weight(Metric metric) {
        return weights.getOrDefault(metric, 0);
    }

    /** Weights as stored: {@code FUEL=40,IDLING=20,...}. */
    static Map<Metric, Integer> parseWeights(String text) {
        Map<Metric, Integer> weights = new EnumMap<>(Metric.class);
        if (text != null) {
            for (String part : text.split(",")) {
                String[] pair = part.split("=");
                if (pair.length == 2) {
                    Metric.find(pair[0].strip()).ifPresent(m -> {
                        try {
                            weights.put(m, Integer.parseInt(pair[1].strip()));
                        } catch (NumberFormatException ignored) {
                            // a damaged weight counts as zero
                        }
                    });
                }
            }
        }
        return weights;
    }

    static String formatWeights(Map<Metric, Integer> weights) {
        StringBuilder text = new StringBuilder();
        weights.forEach((m, w) -> text.append(text.isEmpty() ? "" : ",").append(m.name()).append('=').append(w));
        return text.toString();
    }

    /** The weights the product uses while no agreement sets them. */
    public static Map<Metric, Integer> defaultWeights() {
        Map<Metric, Integer> weights = new EnumMap<>(Metric.class);
        weights.put(Metric.FUEL, 40);
        weights.put(Metric.IDLING, 20);
        weights.put(Metric.CRUISE, 20);
        weights.put(Metric.COASTING, 20);
        weights.put(Metric.HARSH_BRAKING, 40);
        weights.put(Metric.HARSH_ACCELERATION, 30);
        weights.put(Metric.OVERSPEED, 30);
        return weights;
    }
}
