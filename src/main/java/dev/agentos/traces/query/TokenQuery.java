package dev.agentos.traces.query;

import dev.agentos.traces.analysis.TokenBreakdown;
import dev.agentos.traces.analysis.TokenTotals;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Token totals over every trace that matches a filter, read by {@link TraceScan}. */
public final class TokenQuery {

    public static final int DEFAULT_MAX_TRACES = TraceScan.DEFAULT_LIMIT;
    public static final int MAX_MAX_TRACES = TraceScan.MAX_LIMIT;

    private TokenQuery() {
    }

    /** @param rows per-trace usage beside its summary (input text dropped), newest first */
    public record Result(TokenTotals totals, List<TokenBreakdown.Row> rows, TraceScan.Stats scan) {

        public List<TokenUsage> traces() {
            return rows.stream().map(TokenBreakdown.Row::usage).toList();
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
        List<TokenBreakdown.Row> rows = new ArrayList<>();
        TraceScan.Stats stats = TraceScan.scan(client, filter, maxTraces, asOf, control,
                d -> rows.add(new TokenBreakdown.Row(lean(d.summary()), TokenUsage.of(d))));
        return new Result(TokenTotals.of(rows.stream().map(TokenBreakdown.Row::usage).toList()), List.copyOf(rows),
                stats);
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
