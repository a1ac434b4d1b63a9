package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Token usage over many traces as running sums: totals, per model, per group, and only the {@value #KEEP}
 * traces with the most tokens (all an answer shows). Memory grows with models and groups, never with
 * the traces read. Exact long arithmetic that saturates instead of wrapping.
 */
public final class TokenSums {

    /** Per-trace rows and mismatched trace ids kept: the most an answer lists. */
    public static final int KEEP = 50;

    /** Most tokens first, then trace id. */
    public static final Comparator<TokenUsage> MOST_FIRST = Comparator.comparingLong(TokenUsage::totalTokens).reversed()
            .thenComparing(TokenUsage::traceId);

    private final GroupBy by;
    private final Map<String, TokenUsage.ModelTokens> byModel = new TreeMap<>();
    private final Map<String, long[]> groups = new HashMap<>(); // in, out, calls, traces
    private final PriorityQueue<TokenUsage> top = new PriorityQueue<>(KEEP + 1, MOST_FIRST.reversed());
    private final List<String> mismatched = new ArrayList<>();
    private int mismatchedCount;
    private int read;
    private int withTokens;
    private long in;
    private long out;
    private long calls;
    private long refused;

    /** @param by the breakdown to keep besides the one by model (null: none) */
    public TokenSums(GroupBy by) {
        this.by = by;
    }

    public GroupBy by() {
        return by;
    }

    public void add(TraceSummary summary, TokenUsage u) {
        read++;
        in = TokenUsage.add(in, u.inputTokens());
        out = TokenUsage.add(out, u.outputTokens());
        refused += u.refusedCounts();
        calls += u.calls().size();
        if (u.totalTokens() > 0) {
            withTokens++;
        }
        if (!u.matchesRootTotals()) {
            if (mismatched.size() < KEEP) {
                mismatched.add(u.traceId());
            }
            mismatchedCount++;
        }
        u.byModel().values().forEach(m -> byModel.merge(m.model(), m, TokenUsage.ModelTokens::plus));
        if (by == GroupBy.MODEL) {
            for (TokenUsage.ModelTokens m : u.byModel().values()) {
                add(m.model(), m.inputTokens(), m.outputTokens(), m.calls());
            }
        } else if (by != null) {
            add(by.keyOf(summary), u.inputTokens(), u.outputTokens(), u.calls().size());
        }
        top.add(new TokenUsage(u.traceId(), u.inputTokens(), u.outputTokens(), Map.of(), List.of(),
                u.rootInputTokens(), u.rootOutputTokens()));
        if (top.size() > KEEP) {
            top.poll();
        }
    }

    private void add(String key, long i, long o, long c) {
        long[] s = groups.computeIfAbsent(key, k -> new long[4]);
        s[0] = TokenUsage.add(s[0], i);
        s[1] = TokenUsage.add(s[1], o);
        s[2] += c;
        s[3]++; // a trace adds to a key once (its models are distinct keys)
    }

    public TokenTotals totals() {
        return new TokenTotals(read, withTokens, in, out, calls, Collections.unmodifiableMap(new TreeMap<>(byModel)),
                List.copyOf(mismatched), mismatchedCount, refused);
    }

    /** The traces with the most tokens, most first (at most {@value #KEEP}; without their LLM calls). */
    public List<TokenUsage> top() {
        List<TokenUsage> l = new ArrayList<>(top);
        l.sort(MOST_FIRST);
        return List.copyOf(l);
    }

    /** Every group, most tokens first (ties by key); empty without a breakdown. The sums add up to the totals. */
    public List<TokenBreakdown.Group> groups() {
        List<TokenBreakdown.Group> l = new ArrayList<>();
        groups.forEach((k, v) -> l.add(new TokenBreakdown.Group(k, (int) v[3], v[0], v[1], v[2])));
        l.sort(Comparator.comparingLong(TokenBreakdown.Group::totalTokens).reversed().thenComparing(TokenBreakdown.Group::key));
        return List.copyOf(l);
    }
}
