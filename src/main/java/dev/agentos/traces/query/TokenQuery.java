package dev.agentos.traces.query;

import dev.agentos.traces.analysis.GroupBy;
import dev.agentos.traces.analysis.TokenBreakdown;
import dev.agentos.traces.analysis.TokenSums;
import dev.agentos.traces.analysis.TokenTotals;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.List;

/** Token totals over every trace that matches a filter, read by {@link TraceScan}. */
public final class TokenQuery {

    public static final int DEFAULT_MAX_TRACES = TraceScan.DEFAULT_LIMIT;
    public static final int MAX_MAX_TRACES = TraceScan.MAX_LIMIT;

    private TokenQuery() {
    }

    /**
     * @param top the traces with the most tokens, most first (at most {@link TokenSums#KEEP})
     * @param groups the breakdown by {@code by}, every group (empty when {@code by} is null)
     */
    public record Result(TokenTotals totals, List<TokenUsage> top, GroupBy by, List<TokenBreakdown.Group> groups,
            TraceScan.Stats scan) {

        public static Result of(TokenSums sums, TraceScan.Stats scan) {
            return new Result(sums.totals(), sums.top(), sums.by(), sums.groups(), scan);
        }

        public long matching() {
            return scan.matching();
        }

        public boolean truncated() {
            return scan.truncated();
        }

        public int requests() {
            return scan.requests();
        }

        public boolean usedSearch() {
            return scan.usedSearch();
        }
    }

    public static Result overFilter(AgentOsClient client, TraceFilter filter, int maxTraces) {
        return overFilter(client, filter, maxTraces, Instant.now(), ScanControl.NONE);
    }

    public static Result overFilter(AgentOsClient client, TraceFilter filter, int maxTraces, Instant asOf,
            ScanControl control) {
        return overFilter(client, filter, null, maxTraces, asOf, control);
    }

    /**
     * Running sums: per-trace usage is dropped once added, except for the traces with the most tokens.
     *
     * @param by the breakdown the answer shows besides the one by model (null: none)
     */
    public static Result overFilter(AgentOsClient client, TraceFilter filter, GroupBy by, int maxTraces, Instant asOf,
            ScanControl control) {
        TokenSums sums = new TokenSums(by);
        TraceScan.Stats stats = TraceSource.of(client).scanTokens(filter, maxTraces, asOf, control, sums::add);
        return Result.of(sums, stats);
    }

    /** The summary without its input text (a prompt can be long; thousands are kept). */
    static TraceSummary lean(TraceSummary s) {
        return new TraceSummary(s.traceId(), s.name(), s.status(), s.durationText(), s.startTime(), s.endTime(),
                s.totalSpans(), s.errorCount(), null, s.runId(), s.sessionId(), s.userId(), s.agentId(), s.teamId(),
                s.workflowId(), s.createdAt());
    }

    /** The same filter as {@code GET /traces} would apply, as a search expression; null matches all. */
    static Object searchFilter(TraceFilter f) {
        return TraceScan.searchFilter(f);
    }
}
