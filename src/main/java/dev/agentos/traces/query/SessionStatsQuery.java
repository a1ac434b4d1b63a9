package dev.agentos.traces.query;

import dev.agentos.traces.analysis.SessionTotals;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.Paging;
import dev.agentos.traces.client.SessionStats;
import dev.agentos.traces.client.TraceFilter;

/** A page of session statistics, plus totals over every matching session (bounded). */
public final class SessionStatsQuery {

    public static final int TOTALS_SCAN_LIMIT = 2000;

    private SessionStatsQuery() {
    }

    /**
     * @param totals over all matching sessions, or over the first {@link #TOTALS_SCAN_LIMIT} when
     *               {@code totalsTruncated}
     */
    public record Result(Page<SessionStats> page, SessionTotals totals, boolean totalsTruncated) {
    }

    public static Result run(AgentOsClient client, TraceFilter filter, int page, int limit) {
        Page<SessionStats> p = client.sessionStats(filter, page, limit);
        if (p.meta().totalCount() <= p.data().size() && page == 1) {
            return new Result(p, SessionTotals.of(p.data()), false); // the page holds them all
        }
        Paging.Scan<SessionStats> all = Paging.scan(
                n -> client.sessionStats(filter, n, AgentOsClient.MAX_LIMIT), TOTALS_SCAN_LIMIT);
        return new Result(p, SessionTotals.of(all.items()), all.truncated());
    }
}
