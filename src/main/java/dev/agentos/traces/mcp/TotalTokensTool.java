package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.GroupBy;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.query.TokenQuery;
import dev.agentos.traces.render.TokensView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.function.Supplier;

/** {@code total_tokens}: exact token counts of one trace, or summed over every trace matching a filter. */
final class TotalTokensTool extends AgentOsTool {

    TotalTokensTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "total_tokens";
    }

    @Override
    String title() {
        return "Count tokens used";
    }

    @Override
    String description() {
        return "Exact input, output and total tokens. For one trace (trace_id or run_id): per model and per LLM "
                + "span, checked against the trace's own totals. For a filter instead (agent_id, team_id, "
                + "workflow_id, user_id, session_id, status, start_time, end_time; none = every trace): summed over "
                + "every matching trace, per model and per trace (group_by: by agent, user, session or UTC day), with the "
                + "absolute time window and the number of traces read; times may be relative (24h, 7d, today). Counts come from "
                + "LLM span metadata; AgentOS reports no cached or reasoning tokens.";
    }

    static final String GROUP_BY = """
            {"type": "string", "enum": ["model", "agent", "user", "session", "day"], "description": "With a filter: also break the totals down by this (agent = agent, team or workflow; day = UTC day the trace started)."}""";

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "trace_id": %s, "run_id": %s,
                  "agent_id": %s, "team_id": %s, "workflow_id": %s, "user_id": %s, "session_id": %s,
                  "status": %s, "start_time": %s, "end_time": %s, "db_id": %s,
                  "max_traces": %s, "group_by": %s}}"""
                .formatted(Schemas.id("One trace: its id (32 hex chars)."),
                        Schemas.id("One trace: the run id of the run it records."),
                        Schemas.AGENT_ID, Schemas.TEAM_ID, Schemas.WORKFLOW_ID, Schemas.USER_ID, Schemas.SESSION_ID,
                        Schemas.STATUS, Schemas.START_TIME, Schemas.END_TIME, Schemas.DB_ID,
                        Schemas.integer(1, TokenQuery.MAX_MAX_TRACES, TokenQuery.DEFAULT_MAX_TRACES,
                                "With a filter: most traces to read, newest first; the output says when more matched."),
                        GROUP_BY);
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["scope", "input_tokens", "output_tokens", "total_tokens", "by_model"],
                 "properties": {
                   "scope": {"type": "string", "enum": ["trace", "filter"]},
                   "trace_id": {"type": "string"}, "run_id": {"type": "string"}, "name": {"type": "string"},
                   "filter": {"type": "object"},
                   "input_tokens": {"type": "integer"}, "output_tokens": {"type": "integer"},
                   "total_tokens": {"type": "integer"}, "llm_calls": {"type": "integer"},
                   "by_model": %s,
                   "by_span": {"type": "array", "items": {"type": "object"}}, "spans_omitted": {"type": "integer"},
                   "root_input_tokens": {"type": "integer"}, "root_output_tokens": {"type": "integer"},
                   "matches_root_totals": {"type": "boolean"},
                   "traces_read": {"type": "integer"}, "traces_matching": {"type": "integer"},
                   "traces_with_tokens": {"type": "integer"}, "truncated": {"type": "boolean"},
                   "by_trace": {"type": "array", "items": {"type": "object"}}, "traces_omitted": {"type": "integer"},
                   "mismatched_trace_ids": {"type": "array", "items": {"type": "string"}},
                   "requests": {"type": "integer"}, "used_search": {"type": "boolean"}, "database": {"type": "string"},
                   "window_start": {"type": "string"}, "window_end": {"type": "string"}, "as_of": {"type": "string"},
                   "group_by": {"type": "string"},
                   "groups": {"type": "array", "items": {"type": "object", "required": ["key", "traces", "input_tokens", "output_tokens", "total_tokens"],
                     "properties": {"key": {"type": "string"}, "traces": {"type": "integer"},
                       "input_tokens": {"type": "integer"}, "output_tokens": {"type": "integer"},
                       "total_tokens": {"type": "integer"}, "llm_calls": {"type": "integer"}}}},
                   "groups_omitted": {"type": "integer"}}}"""
                .formatted(Schemas.MODEL_TOKENS);
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        String traceId = a.string("trace_id");
        String runId = a.string("run_id");
        TraceFilter f = new TraceFilter(null, a.string("session_id"), a.string("user_id"), a.string("agent_id"),
                a.string("team_id"), a.string("workflow_id"), a.string("status"), a.time("start_time"),
                a.time("end_time"), a.string("db_id"));
        if (traceId != null || runId != null) {
            if (!f.withDbId(null).equals(TraceFilter.NONE) || a.raw("group_by") != null || a.raw("max_traces") != null) {
                throw new ArgumentException("Give either trace_id/run_id (one trace) or filters (many traces), not both.");
            }
            TraceDetail d = FindTrace.byIdOrRun(client, traceId, runId, f.dbId());
            TokenUsage u = TokenUsage.of(d);
            return ok(TokensView.text(d, u), TokensView.structured(d, u));
        }
        int max = a.integer("max_traces", TokenQuery.DEFAULT_MAX_TRACES, 1, TokenQuery.MAX_MAX_TRACES);
        GroupBy by = GroupBy.parse(a.string("group_by"));
        TokenQuery.Result r = TokenQuery.overFilter(client, f, by, max, a.now(), a.control());
        return ok(TokensView.text(r, f, by, Hints.MCP), TokensView.structured(r, f, by));
    }
}
