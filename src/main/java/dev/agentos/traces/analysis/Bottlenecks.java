package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.util.ArrayList;
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
            long covered = 0;
            if (!n.children().isEmpty()) {
                List<TimedTree.Node> timed = TimedTree.timed(n.children());
                long[] starts = new long[timed.size()];
                long[] ends = new long[timed.size()];
                for (int i = 0; i < starts.length; i++) {
                    starts[i] = timed.get(i).start();
                    ends[i] = timed.get(i).end();
                }
                covered = TimeSplit.covered(starts, ends, starts.length, from, to);
            }
            out.add(new SpanTime(s.id(), s.name(), s.type(), s.status(), Duration.ofNanos(n.length()),
                    Duration.ofNanos(to - from - covered), depth));
        } else {
            out.add(new SpanTime(s.id(), s.name(), s.type(), s.status(), s.duration(), Duration.ZERO, depth));
        }
        List<TimedTree.Node> kids = n.children();
        for (int i = 0, k = kids.size(); i < k; i++) {
            collect(kids.get(i), from, to, depth + 1, out);
        }
    }
}
