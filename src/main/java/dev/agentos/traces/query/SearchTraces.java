package dev.agentos.traces.query;

import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.FilterSchema;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One page of traces matching a filter expression that was checked first (see {@link FilterExpression}). */
public final class SearchTraces {

    private SearchTraces() {
    }

    /** @param expression the expression sent (null: every trace) */
    public record Result(ListTraces.Result page, Map<String, Object> expression) {
    }

    /**
     * @param schema the filter schema to check against, read only when the expression is not empty
     */
    public static Result run(AgentOsClient client, Object rawExpression, java.util.function.Supplier<FilterSchema> schema,
            int page, int limit, String dbId, Instant now) {
        Object parsed = FilterExpression.parse(rawExpression); // bad JSON is refused before any request
        Map<String, Object> expr = parsed == null ? null : FilterExpression.validate(parsed, schema.get(), now);
        Page<TraceDetail> p = client.searchRuns(expr, page, limit, dbId);
        List<TraceSummary> rows = p.data().stream().map(TraceDetail::summary).toList();
        long total = Math.max(p.meta().totalCount(), (long) (page - 1) * limit + rows.size());
        int pages = Math.max(p.meta().totalPages(), rows.isEmpty() ? 0 : page);
        return new Result(new ListTraces.Result(rows, page, limit, total, pages, TraceOrder.START_TIME, true, 0, false),
                expr);
    }
}
