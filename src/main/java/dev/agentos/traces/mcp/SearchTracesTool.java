package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.FilterSchema;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.query.FilterExpression;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.query.SearchTraces;
import dev.agentos.traces.render.Text;
import dev.agentos.traces.render.TraceListView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** {@code search_traces}: AgentOS's filter expressions, checked against its filter schema before sending. */
final class SearchTracesTool extends AgentOsTool {

    /** The filter schema is static per server: read once per database. */
    private final Map<String, FilterSchema> schemas = new ConcurrentHashMap<>();

    SearchTracesTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "search_traces";
    }

    @Override
    String title() {
        return "Search traces with a filter expression";
    }

    @Override
    String description() {
        return "Traces matching a filter expression, newest first, when list_traces' exact-match filters are not enough. "
                + "Leaf: {\"op\": EQ|NEQ|GT|GTE|LT|LTE|CONTAINS|STARTSWITH, \"key\": field, \"value\": v}; "
                + "set: {\"op\": \"IN\", \"key\": field, \"values\": [..]}; logic: {\"op\": \"AND\"|\"OR\", \"conditions\": [..]} "
                + "or {\"op\": \"NOT\", \"condition\": {..}}. Fields: status, user_id, agent_id, team_id, workflow_id, "
                + "session_id, run_id, name, trace_id (text; CONTAINS/STARTSWITH ignore case), duration_ms (number), "
                + "start_time, end_time, created_at (ISO 8601 or 24h, 7d, today). Checked before sending: AgentOS itself "
                + "answers an unknown field with no traces instead of an error.";
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "filter": {"type": ["object", "string"], "description": "The filter expression (an object, or its JSON text). Omit to match every trace."},
                  "page": %s, "limit": %s, "db_id": %s}}"""
                .formatted(Schemas.PAGE, Schemas.LIMIT, Schemas.DB_ID);
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["traces", "page", "limit", "total_count", "total_pages", "has_next"],
                 "properties": {"traces": {"type": "array", "items": %s},
                   "page": {"type": "integer"}, "limit": {"type": "integer"}, "total_count": {"type": "integer"},
                   "total_pages": {"type": "integer"}, "has_next": {"type": "boolean"},
                   "sort_by": {"type": "string"}, "sort_order": {"type": "string"},
                   "filter": {"type": "object"}}}""".formatted(Schemas.TRACE_SUMMARY);
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        int page = a.integer("page", 1, 1, 1_000_000);
        int limit = a.integer("limit", 20, 1, AgentOsClient.MAX_LIMIT);
        String db = a.string("db_id");
        SearchTraces.Result sr = SearchTraces.run(client, a.raw("filter"), () -> schema(client, db), page, limit, db,
                a.now());
        ListTraces.Result r = sr.page();
        Map<String, Object> expr = sr.expression();
        String head = "Search " + (expr == null ? "(no filter)" : Text.line(toJson(expr), 400)) + "\n";
        Map<String, Object> structured = TraceListView.structured(r);
        if (expr != null) {
            structured.put("filter", expr);
        }
        return ok(head + TraceListView.text(r), structured);
    }

    private FilterSchema schema(AgentOsClient client, String db) {
        return schemas.computeIfAbsent(db == null ? "" : db, k -> FilterExpression.schemaOf(client, db));
    }

    private static String toJson(Object o) {
        try {
            return dev.agentos.traces.client.Json.MAPPER.writeValueAsString(o);
        } catch (Exception e) {
            return String.valueOf(o);
        }
    }
}
