package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.FilterSchema;
import dev.agentos.traces.query.FilterExpression;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.query.SearchTraces;
import dev.agentos.traces.render.Text;
import dev.agentos.traces.render.TraceListView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code search_traces}: AgentOS's filter expressions, checked against its filter schema before sending. */
final class SearchTracesTool extends AgentOsTool {

    /** The filter schema is static per server: read once per database. */
    private final Map<String, FilterSchema> schemas = new ConcurrentHashMap<>();

    static final Param<Object> FILTER = Param.raw("filter", Schema.any().put("type", List.of("object", "string"))
            .description("Expression (or its JSON); none = all"));

    SearchTracesTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Search traces";
    }

    @Override
    String description() {
        return "Traces matching a filter expression. {op,key,value} with op EQ NEQ GT GTE LT LTE "
                + "CONTAINS STARTSWITH; {op:IN,key,values}; {op:AND|OR,conditions}; {op:NOT,condition}. Keys: status, "
                + "user_id, agent_id, team_id, workflow_id, session_id, run_id, name, trace_id, duration_ms, start_time, "
                + "end_time, created_at (ISO 8601 or 24h, 7d).";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(FILTER, ListTracesTool.PAGE, ListTracesTool.LIMIT, FilterParams.DB_ID);
    }

    @Override
    Map<String, Object> outputSchema() {
        return Outputs.tracePage().map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("has_next", "page");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        int page = ListTracesTool.PAGE.read(a);
        int limit = ListTracesTool.LIMIT.read(a);
        String db = FilterParams.DB_ID.read(a);
        SearchTraces.Result sr = SearchTraces.run(client, FILTER.read(a), () -> schema(client, db), page, limit, db,
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
