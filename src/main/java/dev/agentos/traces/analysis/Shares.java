package dev.agentos.traces.analysis;

/** Percentages that add up: largest-remainder rounding, so the shown parts of a whole always sum to 100. */
public final class Shares {

    private Shares() {
    }

    /** Each part's share of their sum in tenths of a percent, 1000 in all (all zero when the parts are). */
    public static int[] tenths(long... parts) {
        return round(1000, parts);
    }

    /** Whole percentages, 100 in all (all zero when the parts are). */
    public static int[] percents(long... parts) {
        return round(100, parts);
    }

    private static int[] round(int whole, long[] parts) {
        int[] out = new int[parts.length];
        double total = 0;
        for (long p : parts) {
            total += Math.max(0, p);
        }
        if (total <= 0) {
            return out;
        }
        double[] rest = new double[parts.length];
        int given = 0;
        for (int i = 0; i < parts.length; i++) {
            double exact = whole * (Math.max(0, parts[i]) / total);
            out[i] = (int) Math.min(whole, Math.floor(exact));
            rest[i] = exact - out[i];
            given += out[i];
        }
        for (; given < whole; given++) { // at most parts.length - 1 times
            int best = 0;
            for (int i = 1; i < parts.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            out[best]++;
            rest[best] = -1;
        }
        return out;
    }
}
