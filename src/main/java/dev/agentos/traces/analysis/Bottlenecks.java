package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where one trace spent its time, for {@code slow_spans}: the split into LLM, tool and other time (whole trace and
 * per step), the critical path, and every span's own time (its window minus its children's, spans placed by time
 * and clipped to their parents as for the critical path).
 */
public final class Bottlenecks {

    private Bottlenecks() {
    }

    public record SpanTime(String spanId, String name, String type, String status, Duration duration,
            Duration selfTime, int depth) {
    }

    /**
     * @param total the trace's wall time (earliest start to latest end of its roots)
     * @param spans every span, most own time first
     */
    public record Result(Duration total, TimeSplit.Result split, CriticalPath.Result path, List<SpanTime> spans) {
    }

    public static Result of(TraceDetail d) {
        TimedTree t = TimedTree.of(d);
        CriticalPath.Result path = CriticalPath.of(t);
        List<SpanTime> all = new ArrayList<>();
        long[] w = t.window() == null ? new long[2] : t.window();
        for (TimedTree.Node r : t.roots()) {
            collect(r, w[0], w[1], 0, all);
        }
        all.sort(Comparator.comparing(SpanTime::selfTime).reversed().thenComparing(SpanTime::duration,
                Comparator.reverseOrder()));
        return new Result(path.wall(), TimeSplit.of(t), path, List.copyOf(all));
    }

    /**
     * {@code pf, pt}: the nearest timed ancestor's window, already clipped; this span's own is clipped to it (a span
     * wholly outside it gets an empty window), and its own time is that window minus its children's.
     */
    private static void collect(TimedTree.Node n, long pf, long pt, int depth, List<SpanTime> out) {
        TraceNode s = n.span();
        long from = pf;
        long to = pt;
        if (n.timed()) {
            from = Math.min(Math.max(n.start(), pf), pt);
            to = Math.max(from, Math.min(n.end(), pt));
            List<TimedTree.Node> kids = TimedTree.timed(n.children());
            long[] iv = new long[2 * kids.size()];
            int m = 0;
            for (TimedTree.Node c : kids) {
                long cs = Math.max(c.start(), from);
                long ce = Math.min(c.end(), to);
                if (ce > cs) {
                    iv[m++] = cs;
                    iv[m++] = ce;
                }
            }
            out.add(new SpanTime(s.id(), s.name(), s.type(), s.status(), Duration.ofNanos(n.length()),
                    Duration.ofNanos(to - from - covered(iv, m)), depth));
        } else {
            out.add(new SpanTime(s.id(), s.name(), s.type(), s.status(), s.duration(), Duration.ZERO, depth));
        }
        for (TimedTree.Node c : n.children()) {
            collect(c, from, to, depth + 1, out);
        }
    }

    /** Length of the union of {@code m / 2} start, end pairs. */
    private static long covered(long[] iv, int m) {
        int k = m / 2;
        long[][] pairs = new long[k][];
        for (int i = 0; i < k; i++) {
            pairs[i] = new long[] {iv[2 * i], iv[2 * i + 1]};
        }
        Arrays.sort(pairs, Comparator.comparingLong(p -> p[0]));
        long sum = 0;
        long curS = 0;
        long curE = Long.MIN_VALUE;
        for (long[] p : pairs) {
            if (p[0] > curE) {
                if (curE != Long.MIN_VALUE) {
                    sum += curE - curS;
                }
                curS = p[0];
                curE = p[1];
            } else if (p[1] > curE) {
                curE = p[1];
            }
        }
        return curE == Long.MIN_VALUE ? sum : sum + curE - curS;
    }
}
