package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two traces compared by the shape of the run. Spans are placed by time ({@link TimedTree}: an agent's LLM and
 * TOOL spans sit under its AGENT span whether the run streamed or not), then matched level by level: the
 * children of two matched spans are aligned in start order by a longest common subsequence of (type, name
 * without its stream/async variant), so {@code compute.aexecute_stream} matches {@code compute.aexecute}. What
 * is reported is what really differs: spans only in one run, status, error, tool arguments, tool and agent
 * outputs, LLM tokens, and durations that changed by at least 20 % and 5 ms.
 */
public final class TraceDiff {

    /** A duration change counts when it is at least this share of the slower one and 5 ms. */
    static final double DURATION_SHARE = 0.2;
    static final long DURATION_FLOOR_NANOS = 5_000_000;
    /** Past this many cells a level is aligned by occurrence (k-th of a kind with k-th) instead of by LCS. */
    static final long LCS_CELLS = 1_000_000;

    private TraceDiff() {
    }

    public record Side(String traceId, String name, String runId, String status, int errorCount, Duration duration,
            int spans, long inputTokens, long outputTokens, String input, String output, TimeSplit split) {
    }

    public enum Change { ADDED, REMOVED, STATUS, ERROR, ARGS, OUTPUT, TOKENS, DURATION }

    /**
     * One span that differs; {@code a} or {@code b} is null on the side it is missing from.
     *
     * @param path type:name steps from the root, names without their variant ({@code #2}: the second of its kind)
     * @param inside spans under an added or removed one (not listed on their own)
     */
    public record SpanDiff(String path, String type, String name, List<Change> changes, TraceNode a, TraceNode b,
            int inside) {

        public Duration durationA() {
            return a == null ? null : a.duration();
        }

        public Duration durationB() {
            return b == null ? null : b.duration();
        }

        public Long tokensA() {
            return tokens(a);
        }

        public Long tokensB() {
            return tokens(b);
        }
    }

    /**
     * @param differences spans only in one run, status and error changes first, then the rest in tree order
     * @param unchanged matched spans with no difference
     * @param sameShape every span of each run matched one of the other
     * @param failedInOne spans that failed in only one of the runs (matched or not), A's first
     */
    public record Result(Side a, Side b, List<SpanDiff> differences, int unchanged, boolean sameShape,
            List<SpanDiff> failedInOne) {
    }

    public static Result of(TraceDetail a, TraceDetail b) {
        Walk w = new Walk();
        w.align("", TimedTree.of(a).roots(), TimedTree.of(b).roots(), true);
        List<SpanDiff> diffs = new ArrayList<>(w.structural);
        diffs.addAll(w.other);
        boolean same = true;
        for (SpanDiff d : w.structural) {
            same &= !d.changes().contains(Change.ADDED) && !d.changes().contains(Change.REMOVED);
        }
        List<SpanDiff> failed = new ArrayList<>(w.failedA);
        failed.addAll(w.failedB);
        return new Result(side(a), side(b), List.copyOf(diffs), w.same, same, List.copyOf(failed));
    }

    private static final class Walk {
        final List<SpanDiff> structural = new ArrayList<>();
        final List<SpanDiff> other = new ArrayList<>();
        final List<SpanDiff> failedA = new ArrayList<>();
        final List<SpanDiff> failedB = new ArrayList<>();
        int same;

        void align(String prefix, List<TimedTree.Node> xs, List<TimedTree.Node> ys, boolean roots) {
            int[][] pairs = match(xs, ys);
            Map<String, Integer> seen = new HashMap<>();
            int i = 0;
            int j = 0;
            for (int p = 0; p <= pairs.length; p++) {
                int mi = p < pairs.length ? pairs[p][0] : xs.size();
                int mj = p < pairs.length ? pairs[p][1] : ys.size();
                for (; i < mi; i++) {
                    TraceNode x = xs.get(i).span();
                    alone(path(prefix, x, seen), xs.get(i), Change.REMOVED);
                }
                for (; j < mj; j++) {
                    TraceNode y = ys.get(j).span();
                    alone(path(prefix, y, seen), ys.get(j), Change.ADDED);
                }
                if (p < pairs.length) {
                    TimedTree.Node x = xs.get(i++);
                    TimedTree.Node y = ys.get(j++);
                    String path = path(prefix, x.span(), seen);
                    compare(path, x.span(), y.span(), roots);
                    align(path, x.children(), y.children(), false);
                }
            }
        }

        private void alone(String path, TimedTree.Node n, Change c) {
            int[] inside = {-1};
            List<SpanDiff> failures = c == Change.REMOVED ? failedA : failedB;
            walk(n, t -> {
                inside[0]++;
                if (failed(t)) {
                    failures.add(c == Change.REMOVED ? new SpanDiff(path, t.type(), t.name(), List.of(c), t, null, 0)
                            : new SpanDiff(path, t.type(), t.name(), List.of(c), null, t, 0));
                }
            });
            TraceNode s = n.span();
            structural.add(new SpanDiff(path, s.type(), s.name(), List.of(c), c == Change.REMOVED ? s : null,
                    c == Change.ADDED ? s : null, inside[0]));
        }

        private void compare(String path, TraceNode x, TraceNode y, boolean root) {
            List<Change> ch = new ArrayList<>();
            if (!Objects.equals(x.status(), y.status())) {
                ch.add(Change.STATUS);
            }
            if (!Objects.equals(x.error(), y.error())) {
                ch.add(Change.ERROR);
            }
            if (x.isTool() && !Objects.equals(x.input(), y.input())) {
                ch.add(Change.ARGS);
            }
            boolean answers = x.isTool() || !root && ("AGENT".equals(x.type()) || "TEAM".equals(x.type()));
            if (answers && !Objects.equals(x.output(), y.output())) {
                ch.add(Change.OUTPUT);
            }
            if (x.isLlm() && !Objects.equals(tokens(x), tokens(y))) {
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
                return;
            }
            SpanDiff d = new SpanDiff(path, x.type(), x.name(), List.copyOf(ch), x, y, 0);
            (ch.contains(Change.STATUS) || ch.contains(Change.ERROR) ? structural : other).add(d);
            if (failed(x) != failed(y)) {
                (failed(x) ? failedA : failedB).add(d);
            }
        }
    }

    private static boolean failed(TraceNode n) {
        return n.failed() || n.error() != null;
    }

    private static void walk(TimedTree.Node n, java.util.function.Consumer<TraceNode> v) {
        v.accept(n.span());
        for (TimedTree.Node c : n.children()) {
            walk(c, v);
        }
    }

    private static String key(TraceNode n) {
        return n.type() + ":" + SpanNames.base(n.name());
    }

    private static String path(String prefix, TraceNode n, Map<String, Integer> seen) {
        String label = n.type() + ":" + SpanNames.label(n.name());
        int k = seen.merge(label, 1, Integer::sum);
        return prefix + "/" + label + (k > 1 ? "#" + k : "");
    }

    /** Index pairs of matched children, in order: a longest common subsequence of their keys. */
    static int[][] match(List<TimedTree.Node> xs, List<TimedTree.Node> ys) {
        int n = xs.size();
        int m = ys.size();
        String[] kx = new String[n];
        String[] ky = new String[m];
        for (int i = 0; i < n; i++) {
            kx[i] = key(xs.get(i).span());
        }
        for (int j = 0; j < m; j++) {
            ky[j] = key(ys.get(j).span());
        }
        if ((long) n * m > LCS_CELLS) {
            return byOccurrence(kx, ky);
        }
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = kx[i].equals(ky[j]) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        int[][] out = new int[len[0][0]][];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < n && j < m) {
            if (kx[i].equals(ky[j])) {
                out[k++] = new int[] {i++, j++};
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    /** The k-th child of a kind in A with the k-th of that kind in B, kept only while both stay in order. */
    private static int[][] byOccurrence(String[] kx, String[] ky) {
        Map<String, List<Integer>> inB = new HashMap<>();
        for (int j = 0; j < ky.length; j++) {
            inB.computeIfAbsent(ky[j], k -> new ArrayList<>()).add(j);
        }
        Map<String, Integer> used = new HashMap<>();
        List<int[]> out = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < kx.length; i++) {
            List<Integer> js = inB.get(kx[i]);
            int k = used.merge(kx[i], 1, Integer::sum) - 1;
            if (js != null && k < js.size() && js.get(k) > last) {
                last = js.get(k);
                out.add(new int[] {i, last});
            }
        }
        return out.toArray(new int[0][]);
    }

    static Long tokens(TraceNode n) {
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
                d.summary().input(), d.output(), TimeSplit.ofTrace(d));
    }
}
