package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where one trace spent its time: the critical path (from the root, always into the child that finished
 * last, since that child held its parent open) and every span's own time (its duration minus the time
 * covered by its children), as a share of the whole trace.
 */
public final class Bottlenecks {

    private Bottlenecks() {
    }

    public record SpanTime(String spanId, String name, String type, String status, Duration duration,
            Duration selfTime, int depth) {
    }

    /**
     * @param total the trace's duration (from its own timestamps)
     * @param criticalPath root first
     * @param spans every span, most own time first
     */
    public record Result(Duration total, List<SpanTime> criticalPath, List<SpanTime> spans) {
    }

    public static Result of(TraceDetail d) {
        List<SpanTime> all = new ArrayList<>();
        for (TraceNode root : d.tree()) {
            collect(root, 0, all);
        }
        all.sort(Comparator.comparing(SpanTime::selfTime).reversed().thenComparing(SpanTime::duration,
                Comparator.reverseOrder()));
        List<SpanTime> path = new ArrayList<>();
        TraceNode n = latestEnding(d.tree());
        int depth = 0;
        while (n != null) {
            path.add(time(n, depth++));
            n = latestEnding(n.spans());
        }
        return new Result(d.summary().duration(), List.copyOf(path), List.copyOf(all));
    }

    private static void collect(TraceNode n, int depth, List<SpanTime> out) {
        out.add(time(n, depth));
        for (TraceNode c : n.spans()) {
            collect(c, depth + 1, out);
        }
    }

    private static SpanTime time(TraceNode n, int depth) {
        return new SpanTime(n.id(), n.name(), n.type(), n.status(), n.duration(), selfTime(n), depth);
    }

    private static TraceNode latestEnding(List<TraceNode> nodes) {
        TraceNode best = null;
        for (TraceNode c : nodes) {
            if (best == null || end(c).isAfter(end(best))) {
                best = c;
            }
        }
        return best;
    }

    private static Instant end(TraceNode n) {
        if (n.endTime() != null) {
            return n.endTime();
        }
        return n.startTime() == null ? Instant.MIN : n.startTime().plus(n.duration());
    }

    /** Duration minus the union of the children's intervals (clipped to this span); never negative. */
    static Duration selfTime(TraceNode n) {
        Duration total = n.duration();
        if (n.spans().isEmpty() || n.startTime() == null || n.endTime() == null) {
            Duration children = Duration.ZERO;
            for (TraceNode c : n.spans()) {
                children = children.plus(c.duration());
            }
            Duration self = total.minus(children);
            return self.isNegative() ? Duration.ZERO : self;
        }
        List<Instant[]> iv = new ArrayList<>();
        for (TraceNode c : n.spans()) {
            if (c.startTime() == null || c.endTime() == null) {
                continue;
            }
            Instant s = c.startTime().isBefore(n.startTime()) ? n.startTime() : c.startTime();
            Instant e = c.endTime().isAfter(n.endTime()) ? n.endTime() : c.endTime();
            if (e.isAfter(s)) {
                iv.add(new Instant[] {s, e});
            }
        }
        iv.sort(Comparator.comparing(a -> a[0]));
        Duration covered = Duration.ZERO;
        Instant curS = null;
        Instant curE = null;
        for (Instant[] a : iv) {
            if (curE == null || a[0].isAfter(curE)) {
                if (curE != null) {
                    covered = covered.plus(Duration.between(curS, curE));
                }
                curS = a[0];
                curE = a[1];
            } else if (a[1].isAfter(curE)) {
                curE = a[1];
            }
        }
        if (curE != null) {
            covered = covered.plus(Duration.between(curS, curE));
        }
        Duration self = total.minus(covered);
        return self.isNegative() ? Duration.ZERO : self;
    }
}
