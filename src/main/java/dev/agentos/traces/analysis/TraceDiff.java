package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two traces side by side. Spans are matched by their place in the tree: the path of type:name from the
 * root, with the occurrence number among same-named siblings (the second LLM call of an agent matches
 * the second LLM call of the other run's agent).
 */
public final class TraceDiff {

    /** A duration change counts when it is at least this share of the slower one and 5 ms. */
    static final double DURATION_SHARE = 0.2;
    static final long DURATION_FLOOR_NANOS = 5_000_000;

    private TraceDiff() {
    }

    public record Side(String traceId, String name, String runId, String status, int errorCount, Duration duration,
            int spans, long inputTokens, long outputTokens, String input, String output) {
    }

    public enum Change { ADDED, REMOVED, STATUS, OUTPUT, TOKENS, DURATION }

    /** One matched or unmatched span; before/after fields are null on the side it is missing from. */
    public record SpanDiff(String path, String type, String name, List<Change> changes, String spanIdA,
            String spanIdB, Duration durationA, Duration durationB, String statusA, String statusB, Long tokensA,
            Long tokensB, String outputA, String outputB, String errorA, String errorB) {
    }

    public record Result(Side a, Side b, List<SpanDiff> differences, int unchanged) {
    }

    public static Result of(TraceDetail a, TraceDetail b) {
        Map<String, TraceNode> pa = paths(a);
        Map<String, TraceNode> pb = paths(b);
        List<SpanDiff> diffs = new ArrayList<>();
        int same = 0;
        for (Map.Entry<String, TraceNode> e : pa.entrySet()) {
            TraceNode x = e.getValue();
            TraceNode y = pb.get(e.getKey());
            if (y == null) {
                diffs.add(diff(e.getKey(), x, null, List.of(Change.REMOVED)));
                continue;
            }
            List<Change> ch = new ArrayList<>();
            if (!Objects.equals(x.status(), y.status())) {
                ch.add(Change.STATUS);
            }
            if (!Objects.equals(x.output(), y.output()) || !Objects.equals(x.error(), y.error())) {
                ch.add(Change.OUTPUT);
            }
            if (x.isLlm() && (!Objects.equals(x.inputTokens(), y.inputTokens())
                    || !Objects.equals(x.outputTokens(), y.outputTokens()))) {
                ch.add(Change.TOKENS);
            }
            long dx = x.duration().toNanos();
            long dy = y.duration().toNanos();
            long delta = Math.abs(dx - dy);
            if (delta >= DURATION_FLOOR_NANOS && delta >= DURATION_SHARE * Math.max(dx, dy)) {
                ch.add(Change.DURATION);
            }
            if (ch.isEmpty()) {
                same++;
            } else {
                diffs.add(diff(e.getKey(), x, y, ch));
            }
        }
        for (Map.Entry<String, TraceNode> e : pb.entrySet()) {
            if (!pa.containsKey(e.getKey())) {
                diffs.add(diff(e.getKey(), null, e.getValue(), List.of(Change.ADDED)));
            }
        }
        diffs.sort(Comparator.comparingInt((SpanDiff d) -> d.changes().get(0).ordinal() <= Change.STATUS.ordinal() ? 0 : 1)
                .thenComparing(Comparator.comparingLong(TraceDiff::deltaNanos).reversed()));
        return new Result(side(a), side(b), List.copyOf(diffs), same);
    }

    private static long deltaNanos(SpanDiff d) {
        long x = d.durationA() == null ? 0 : d.durationA().toNanos();
        long y = d.durationB() == null ? 0 : d.durationB().toNanos();
        return Math.abs(x - y);
    }

    private static SpanDiff diff(String path, TraceNode x, TraceNode y, List<Change> ch) {
        TraceNode any = x != null ? x : y;
        return new SpanDiff(path, any.type(), any.name(), List.copyOf(ch), x == null ? null : x.id(),
                y == null ? null : y.id(), x == null ? null : x.duration(), y == null ? null : y.duration(),
                x == null ? null : x.status(), y == null ? null : y.status(), tokens(x), tokens(y),
                x == null ? null : x.output(), y == null ? null : y.output(), x == null ? null : x.error(),
                y == null ? null : y.error());
    }

    private static Long tokens(TraceNode n) {
        if (n == null || !n.isLlm() || (n.inputTokens() == null && n.outputTokens() == null)) {
            return null;
        }
        return (n.inputTokens() == null ? 0 : n.inputTokens()) + (n.outputTokens() == null ? 0 : n.outputTokens());
    }

    private static Side side(TraceDetail d) {
        TokenUsage u = TokenUsage.of(d);
        int[] spans = {0};
        d.forEachSpan(n -> spans[0]++);
        return new Side(d.traceId(), d.summary().name(), d.summary().runId(), d.summary().status(),
                d.summary().errorCount(), d.summary().duration(), spans[0], u.inputTokens(), u.outputTokens(),
                d.summary().input(), d.output());
    }

    /** Path → span, in tree order. */
    static Map<String, TraceNode> paths(TraceDetail d) {
        Map<String, TraceNode> out = new LinkedHashMap<>();
        walk("", d.tree(), out);
        return out;
    }

    private static void walk(String prefix, List<TraceNode> nodes, Map<String, TraceNode> out) {
        Map<String, Integer> seen = new HashMap<>();
        for (TraceNode n : nodes) {
            String label = n.type() + ":" + n.name();
            int k = seen.merge(label, 1, Integer::sum);
            String path = prefix + "/" + label + (k > 1 ? "#" + k : "");
            out.put(path, n);
            walk(path, n.spans(), out);
        }
    }
}
