package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.SessionStatsQuery;
import dev.agentos.traces.render.SessionStatsView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** {@code trace_stats}: traces grouped by session, with totals. */
final class TraceStatsTool extends AgentOsTool {

    /** What GET /trace_session_stats filters on; its times are when traces were recorded. */
    static final FilterParams FILTERS = new FilterParams(FilterParams.USER_ID, FilterParams.AGENT_ID,
            FilterParams.TEAM_ID, FilterParams.WORKFLOW_ID, FilterParams.START_TIME, FilterParams.END_TIME,
            FilterParams.DB_ID);

    TraceStatsTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Traces by session";
    }

    @Override
    String description() {
        return "Traces per session, latest first, with totals; only traces with a session_id count.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(FILTERS, ListTracesTool.PAGE, ListTracesTool.LIMIT);
    }

    @Override
    Map<String, Object> outputSchema() {
        return Schema.object().required("sessions", Schema.array(Schema.row("session_id", "total_traces")))
                .required(Schema.integer(), "page", "limit", "total_count", "total_pages")
                .required("totals", Schema.row("sessions", "traces", "truncated")).map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("has_next", "page", "totals.truncated", "");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        SessionStatsQuery.Result r = SessionStatsQuery.run(client, FILTERS.read(a), ListTracesTool.PAGE.read(a),
                ListTracesTool.LIMIT.read(a));
        return ok(SessionStatsView.text(r), SessionStatsView.structured(r));
    }
}
