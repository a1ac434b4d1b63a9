package dev.agentos.traces.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Token usage summed over many traces. Exact: long arithmetic that saturates instead of wrapping, nothing
 * estimated.
 *
 * @param mismatchedTraceIds the first of the traces whose root totals differ from their LLM spans' sum
 * @param mismatchedTraces how many there are in all
 * @param refusedCounts LLM spans whose token counts were refused as impossible (see TraceNode.MAX_TOKENS)
 */
public record TokenTotals(
        int tracesRead, int tracesWithTokens, long inputTokens, long outputTokens, long llmCalls,
        Map<String, TokenUsage.ModelTokens> byModel, List<String> mismatchedTraceIds, int mismatchedTraces,
        long refusedCounts) {

    public TokenTotals(int tracesRead, int tracesWithTokens, long inputTokens, long outputTokens, long llmCalls,
            Map<String, TokenUsage.ModelTokens> byModel, List<String> mismatchedTraceIds, int mismatchedTraces) {
        this(tracesRead, tracesWithTokens, inputTokens, outputTokens, llmCalls, byModel, mismatchedTraceIds,
                mismatchedTraces, 0);
    }

    /** @param mismatchedTraceIds every mismatched trace */
    public TokenTotals(int tracesRead, int tracesWithTokens, long inputTokens, long outputTokens, long llmCalls,
            Map<String, TokenUsage.ModelTokens> byModel, List<String> mismatchedTraceIds) {
        this(tracesRead, tracesWithTokens, inputTokens, outputTokens, llmCalls, byModel, mismatchedTraceIds,
                mismatchedTraceIds.size());
    }

    public long totalTokens() {
        return TokenUsage.add(inputTokens, outputTokens);
    }

    public static TokenTotals of(List<TokenUsage> usages) {
        Map<String, TokenUsage.ModelTokens> byModel = new TreeMap<>();
        List<String> mismatched = new ArrayList<>();
        long in = 0;
        long out = 0;
        long calls = 0;
        int withTokens = 0;
        long refused = 0;
        for (TokenUsage u : usages) {
            in = TokenUsage.add(in, u.inputTokens());
            out = TokenUsage.add(out, u.outputTokens());
            refused += u.refusedCounts();
            calls += u.calls().size();
            if (u.totalTokens() > 0) {
                withTokens++;
            }
            if (!u.matchesRootTotals()) {
                mismatched.add(u.traceId());
            }
            u.byModel().values().forEach(m -> byModel.merge(m.model(), m, TokenUsage.ModelTokens::plus));
        }
        return new TokenTotals(usages.size(), withTokens, in, out, calls, Collections.unmodifiableMap(byModel),
                List.copyOf(mismatched), mismatched.size(), refused);
    }
}
