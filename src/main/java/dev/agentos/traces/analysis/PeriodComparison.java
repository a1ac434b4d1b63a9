package dev.agentos.traces.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Two periods side by side: each figure's change, marked when it passes a threshold ({@link #THRESHOLD} of
 * the earlier value; {@link #RATE_POINTS} for rates, which are compared in points).
 */
public final class PeriodComparison {

    public static final double THRESHOLD = 0.20;
    public static final double RATE_POINTS = 0.05;

    private PeriodComparison() {
    }

    /** {@code pct}: the change relative to {@code before}, null when {@code before} is 0. */
    public record Change(double before, double after, Double pct, boolean marked) {
        public double delta() {
            return after - before;
        }
    }

    public static Change of(double before, double after) {
        Double pct = before == 0 ? null : (after - before) / before;
        boolean marked = pct == null ? after != 0 : Math.abs(pct) >= THRESHOLD;
        return new Change(before, after, pct, marked);
    }

    /** A rate (0..1): marked when it moved by at least {@link #RATE_POINTS}. */
    public static Change rate(double before, double after) {
        Double pct = before == 0 ? null : (after - before) / before;
        return new Change(before, after, pct, Math.abs(after - before) >= RATE_POINTS - 1e-12);
    }

    /** A key present in either period; {@code before} or {@code after} is null where it is absent. */
    public record Pair<T>(String key, T before, T after) {
    }

    /** Rows of both periods matched by key, in the order of {@code after} then the keys only {@code before} has. */
    public static <T> List<Pair<T>> pair(List<T> before, List<T> after, Function<T, String> key) {
        Map<String, T> b = new LinkedHashMap<>();
        for (T t : before) {
            b.put(key.apply(t), t);
        }
        List<Pair<T>> out = new ArrayList<>();
        for (T t : after) {
            out.add(new Pair<>(key.apply(t), b.remove(key.apply(t)), t));
        }
        b.forEach((k, t) -> out.add(new Pair<>(k, t, null)));
        return out;
    }
}
