package dev.agentos.traces.analysis;

/**
 * Median and robust spread of a set of values, and how far a value lies from them: the modified z-score
 * (Iglewicz and Hoaglin) {@code (x - median) / (1.4826 * MAD)}. When more than half the values are equal (MAD
 * 0) the spread is {@code 1.2533 * mean absolute deviation} instead; when every value is equal there is no
 * spread and any other value is off by an unbounded amount (a null z).
 *
 * @param scale the spread a z-score divides by (0: every value equal)
 */
public record RobustStats(int count, double median, double mad, double scale) {

    static final double MAD_TO_SIGMA = 1.4826;
    static final double MEAN_AD_TO_SIGMA = 1.2533;

    /** @param sorted ascending */
    public static RobustStats of(long[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return new RobustStats(0, 0, 0, 0);
        }
        double median = median(sorted);
        double[] dev = new double[n];
        double sumDev = 0;
        for (int i = 0; i < n; i++) {
            dev[i] = Math.abs(sorted[i] - median);
            sumDev += dev[i];
        }
        java.util.Arrays.sort(dev);
        double mad = n % 2 == 1 ? dev[n / 2] : (dev[n / 2 - 1] + dev[n / 2]) / 2;
        double scale = mad > 0 ? MAD_TO_SIGMA * mad : MEAN_AD_TO_SIGMA * sumDev / n;
        return new RobustStats(n, median, mad, scale);
    }

    static double median(long[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
    }

    /** The modified z-score of {@code x}; null when every value was equal and {@code x} differs. */
    public Double z(long x) {
        if (scale == 0) {
            return x == median ? 0.0 : null;
        }
        return (x - median) / scale;
    }

    /** Nearest rank: the smallest value with at least p% of values at or below it (as {@code slow_spans}). */
    public static long percentile(long[] sorted, int p) {
        return SpanLatency.percentile(sorted, p);
    }
}
