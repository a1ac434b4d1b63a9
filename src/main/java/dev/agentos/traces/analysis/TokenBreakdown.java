package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceSummary;
import java.util.List;

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
        TokenSums sums = new TokenSums(by);
        rows.forEach(r -> sums.add(r.summary(), r.usage()));
        return sums.groups();
    }
}
