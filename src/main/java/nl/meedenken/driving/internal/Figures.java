package nl.meedenken.driving.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of a period as a reader sees them: the values of the metrics they may see, the points
 * each earns, and the eco and safety scores as the weighted mean of those points.
 */
public record Figures(Totals totals, Map<Metric, Double> values, Map<Metric, Double> points, Double eco, Double safety,
                      Map<Metric, Integer> weights) {

    public static Figures of(Totals totals, Set<Metric> shown, Map<Metric, Integer> weights) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        Map<Metric, Double> points = new EnumMap<>(Metric.class);
        for (Metric m : shown) {
            Double value = totals.value(m);
            if (value != null) {
                values.put(m, value);
                points.put(m, m.points(value));
            }
        }
        Map<Metric, Integer> used = new EnumMap<>(Metric.class);
        for (Metric m : shown) {
            used.put(m, weights.getOrDefault(m, 0));
        }
        return new Figures(totals, values, points, score(points, used, Metric.Score.ECO),
                score(points, used, Metric.Score.SAFETY), used);
    }

    /** Σ weight × points / Σ weight over the metrics of one score that have a value; null when none has. */
    private static Double score(Map<Metric, Double> points, Map<Metric, Integer> weights, Metric.Score score) {
        double sum = 0;
        int weight = 0;
        for (Map.Entry<Metric, Double> e : points.entrySet()) {
            if (e.getKey().score() == score) {
                int w = weights.getOrDefault(e.getKey(), 0);
                sum += w * e.getValue();
                weight += w;
            }
        }
        return weight == 0 ? null : sum / weight;
    }

    public boolean empty() {
        return values.isEmpty();
    }

    public Double value(Metric metric) {
        return values.get(metric);
    }

    /** Litres per 100 km, or null. */
    public Double fuel() {
        return values.get(Metric.FUEL);
    }

    /** The three metrics with the fewest points, weakest first; a metric with full points needs no tip. */
    public List<Metric> weakest() {
        List<Metric> metrics = new ArrayList<>(points.keySet());
        metrics.removeIf(m -> points.get(m) >= 100);
        metrics.sort(Comparator.comparing(points::get));
        return metrics.subList(0, Math.min(3, metrics.size()));
    }

    public List<Metric> of(Metric.Score score) {
        return weights.keySet().stream().filter(m -> m.score() == score).toList();
    }
}
