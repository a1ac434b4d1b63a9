package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Span durations across many traces, by span type and name: count, p50, p95, max and total, with the
 * trace that held the slowest one. Percentiles are nearest-rank over exact microsecond durations.
 */
public final class SpanLatency {

    public record Stat(String type, String name, int count, long p50Micros, long p95Micros, long maxMicros,
            long totalMicros, String slowestTraceId, String slowestSpanId) {
    }

    private static final class Acc {
        long[] micros = new long[8];
        int n;
        long total;
        long max = -1;
        String maxTrace;
        String maxSpan;
    }

    private final Map<String, Acc> byKey = new HashMap<>();
    private int traces;
    private long spans;

    public void add(TraceDetail d) {
        traces++;
        d.forEachSpan(s -> {
            spans++;
            Acc a = byKey.computeIfAbsent((s.type() == null ? "?" : s.type()) + "\u0000" + s.name(), k -> new Acc());
            long us = s.duration().toNanos() / 1_000;
            if (a.n == a.micros.length) {
                a.micros = Arrays.copyOf(a.micros, a.n * 2);
            }
            a.micros[a.n++] = us;
            a.total += us;
            if (us > a.max) {
                a.max = us;
                a.maxTrace = d.traceId();
                a.maxSpan = s.id();
            }
        });
    }

    public int traces() {
        return traces;
    }

    public long spans() {
        return spans;
    }

    /** Every span kind, most total time first. */
    public List<Stat> result() {
        List<Stat> out = new ArrayList<>();
        byKey.forEach((k, a) -> {
            String[] tn = k.split("\u0000", 2);
            long[] sorted = Arrays.copyOf(a.micros, a.n);
            Arrays.sort(sorted);
            out.add(new Stat(tn[0], tn[1], a.n, percentile(sorted, 50), percentile(sorted, 95), a.max, a.total,
                    a.maxTrace, a.maxSpan));
        });
        out.sort(Comparator.comparingLong(Stat::totalMicros).reversed().thenComparing(Stat::name));
        return out;
    }

    /** Nearest rank: the smallest value with at least p% of values at or below it. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
