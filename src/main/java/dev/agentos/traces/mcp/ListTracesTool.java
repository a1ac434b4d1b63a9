package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.Discovery;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.render.TraceListView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.function.Supplier;

/** {@code list_traces}: recent traces with every AgentOS filter, paged and optionally sorted. */
final class ListTracesTool extends AgentOsTool {

    ListTracesTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "list_traces";
    }

    @Override
    String title() {
        return "List AgentOS traces";
    }

    @Override
    String description() {
        return "List the traces (one per agent, team or workflow run) that AgentOS recorded, newest first, "
                + "one line each: trace_id, status, failed-span count, duration, span count, name, ids, start time "
                + "and the user's input. Filter by run, session, user, agent, team, workflow, status or time window; "
                + "sort by duration, total_spans or error_count to find slow or failing runs. Use get_trace for a "
                + "trace's spans and total_tokens for token counts.";
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "run_id": %s, "session_id": %s, "user_id": %s, "agent_id": %s, "team_id": %s, "workflow_id": %s,
                  "status": %s, "start_time": %s, "end_time": %s, "db_id": %s, "page": %s, "limit": %s,
                  "sort_by": {"type": "string", "enum": ["start_time", "duration", "total_spans", "error_count"], "default": "start_time",
                    "description": "Order. Anything but start_time desc is sorted here over at most 1000 matching traces."},
                  "sort_order": {"type": "string", "enum": ["asc", "desc"], "default": "desc"}}}"""
                .formatted(Schemas.RUN_ID, Schemas.SESSION_ID, Schemas.USER_ID, Schemas.AGENT_ID, Schemas.TEAM_ID,
                        Schemas.WORKFLOW_ID, Schemas.STATUS, Schemas.START_TIME, Schemas.END_TIME, Schemas.DB_ID,
                        Schemas.PAGE, Schemas.LIMIT);
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["traces", "page", "limit", "total_count", "total_pages", "has_next"],
                 "properties": {
                   "traces": {"type": "array", "items": %s},
                   "page": {"type": "integer"}, "limit": {"type": "integer"}, "total_count": {"type": "integer"},
                   "total_pages": {"type": "integer"}, "has_next": {"type": "boolean"},
                   "sort_by": {"type": "string"}, "sort_order": {"type": "string"},
                   "scanned": {"type": "integer"}, "scan_truncated": {"type": "boolean"}}}"""
                .formatted(Schemas.TRACE_SUMMARY);
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        ListTraces.Request req = new ListTraces.Request(a.filter(), a.integer("page", 1, 1, 1_000_000),
                a.integer("limit", 20, 1, 100), TraceOrder.parse(a.string("sort_by")),
                TraceOrder.parseDescending(a.string("sort_order")));
        ListTraces.Result r = ListTraces.run(client, req);
        String text = TraceListView.text(r);
        if (r.totalCount() == 0) {
            String unknown = Discovery.unknownIds(client, req.filter()); // an id AgentOS does not serve: say which it does
            text = unknown == null ? text : text + " " + Character.toUpperCase(unknown.charAt(0)) + unknown.substring(1);
        }
        return ok(text, TraceListView.structured(r));
    }
}
