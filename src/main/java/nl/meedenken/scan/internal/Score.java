package nl.meedenken.scan.internal;

/**
 * Mean (1–5), share of favourable answers (4 or 5) and the distribution of values, with
 * reverse-worded statements already turned around so that higher is always better.
 */
public record Score(double mean, double favourable, int[] distribution, int answers) {

    static Score of(int[] distribution) {
        int n = 0;
        long sum = 0;
        for (int v = 0; v < 5; v++) {
            n += distribution[v];
            sum += (long) (v + 1) * distribution[v];
        }
        if (n == 0) {
            return new Score(Double.NaN, Double.NaN, distribution, 0);
        }
        return new Score((double) sum / n, (double) (distribution[3] + distribution[4]) / n, distribution, n);
    }

    /** The distribution as seen on the dimension: value v counts as 6 - v. */
    static int[] reversed(int[] distribution) {
        int[] turned = new int[5];
        for (int v = 0; v < 5; v++) {
            turned[4 - v] = distribution[v];
        }
        return turned;
    }

    static int[] plus(int[] a, int[] b) {
        int[] sum = new int[5];
        for (int v = 0; v < 5; v++) {
            sum[v] = a[v] + b[v];
        }
        return sum;
    }

    /** Percentages of each value, for bars. */
    public int[] percentages() {
        int[] p = new int[5];
        for (int v = 0; v < 5; v++) {
            p[v] = answers == 0 ? 0 : (int) Math.round(100.0 * distribution[v] / answers);
        }
        return p;
    }
}
