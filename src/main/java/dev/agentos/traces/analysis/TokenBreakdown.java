package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Token sums over many traces, grouped by model, agent, user, session or day. Exact long arithmetic. */
public final class TokenBreakdown {

    private TokenBreakdown() {
    }

    /** One trace's usage beside the fields it is grouped by. */
    public record Row(TraceSummary summary, TokenUsage usage) {
    }

    public record Group(String key, int traces, long inputTokens, long outputTokens, long llmCalls) {
        public long totalTokens() {
            return TokenUsage.add(inputTokens, outputTokens);
        }
    }

    /** Every group, most tokens first (ties by key). The groups' sums add up to the grand totals. */
    public static List<Group> of(List<Row> rows, GroupBy by) {
        Map<String, long[]> sums = new HashMap<>(); // in, out, calls
        Map<String, Set<String>> traces = new HashMap<>();
        for (Row r : rows) {
            if (by == GroupBy.MODEL) {
                for (TokenUsage.ModelTokens m : r.usage().byModel().values()) {
                    add(sums, m.model(), m.inputTokens(), m.outputTokens(), m.calls());
                    traces.computeIfAbsent(m.model(), k -> new HashSet<>()).add(r.usage().traceId());
                }
            } else {
                String key = by.keyOf(r.summary());
                add(sums, key, r.usage().inputTokens(), r.usage().outputTokens(), r.usage().calls().size());
                traces.computeIfAbsent(key, k -> new HashSet<>()).add(r.usage().traceId());
            }
        }
        List<Group> out = new ArrayList<>();
        sums.forEach((k, v) -> out.add(new Group(k, traces.get(k).size(), v[0], v[1], v[2])));
        out.sort(Comparator.comparingLong(Group::totalTokens).reversed().thenComparing(Group::key));
        return out;
    }

    private static void add(Map<String, long[]> sums, String key, long in, long out, long calls) {
        long[] s = sums.computeIfAbsent(key, k -> new long[3]);
        s[0] = TokenUsage.add(s[0], in);
        s[1] = TokenUsage.add(s[1], out);
        s[2] += calls;
    }
}
