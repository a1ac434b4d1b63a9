package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.SessionStatsQuery;
import dev.agentos.traces.render.SessionStatsView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.function.Supplier;

/** {@code trace_stats}: traces grouped by session, with totals. */
final class TraceStatsTool extends AgentOsTool {

    TraceStatsTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "trace_stats";
    }

    @Override
    String title() {
        return "Trace statistics by session";
    }

    @Override
    String description() {
        return "Statistics of traces grouped by session, most recently active first: traces per session, its "
                + "user, agent, team or workflow, first and last trace time; plus totals over every matching session. "
                + "Filter by user, agent, team, workflow or time window (on when traces were recorded). Only traces "
                + "with a session_id count.";
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "user_id": %s, "agent_id": %s, "team_id": %s, "workflow_id": %s,
                  "start_time": %s, "end_time": %s, "db_id": %s, "page": %s, "limit": %s}}"""
                .formatted(Schemas.USER_ID, Schemas.AGENT_ID, Schemas.TEAM_ID, Schemas.WORKFLOW_ID,
                        Schemas.TIME.formatted("Only traces recorded at or after this time"),
                        Schemas.TIME.formatted("Only traces recorded at or before this time"),
                        Schemas.DB_ID, Schemas.PAGE, Schemas.LIMIT);
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["sessions", "page", "limit", "total_count", "total_pages", "totals"],
                 "properties": {
                   "sessions": {"type": "array", "items": {"type": "object", "required": ["session_id", "total_traces"],
                     "properties": {"session_id": {"type": "string"}, "total_traces": {"type": "integer"},
                       "user_id": {"type": "string"}, "agent_id": {"type": "string"}, "team_id": {"type": "string"},
                       "workflow_id": {"type": "string"}, "first_trace_at": {"type": "string"}, "last_trace_at": {"type": "string"}}}},
                   "page": {"type": "integer"}, "limit": {"type": "integer"}, "total_count": {"type": "integer"},
                   "total_pages": {"type": "integer"}, "has_next": {"type": "boolean"},
                   "totals": {"type": "object", "required": ["sessions", "traces", "truncated"], "properties": {
                     "sessions": {"type": "integer"}, "traces": {"type": "integer"}, "first_trace_at": {"type": "string"},
                     "last_trace_at": {"type": "string"}, "truncated": {"type": "boolean"}}}}}""";
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        TraceFilter f = new TraceFilter(null, null, a.string("user_id"), a.string("agent_id"), a.string("team_id"),
                a.string("workflow_id"), null, a.time("start_time"), a.time("end_time"), a.string("db_id"));
        SessionStatsQuery.Result r = SessionStatsQuery.run(client, f, a.integer("page", 1, 1, 1_000_000),
                a.integer("limit", 20, 1, 100));
        return ok(SessionStatsView.text(r), SessionStatsView.structured(r));
    }
}
