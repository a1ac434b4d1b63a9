package dev.agentos.traces.mcp;

import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.TraceScan;

/** The filter and scan limit every aggregating tool takes, read and described the same way. */
final class ScanArgs {

    private ScanArgs() {
    }

    static final String MAX_TRACES = Schemas.integer(1, TraceScan.MAX_LIMIT, TraceScan.DEFAULT_LIMIT,
            "Most traces to read, newest first; the output says when more matched.");

    /** JSON Schema properties (no braces): the filters of list_traces minus run_id, plus max_traces. */
    static final String PROPERTIES = """
            "agent_id": %s, "team_id": %s, "workflow_id": %s, "user_id": %s, "session_id": %s,
            "status": %s, "start_time": %s, "end_time": %s, "db_id": %s, "max_traces": %s"""
            .formatted(Schemas.AGENT_ID, Schemas.TEAM_ID, Schemas.WORKFLOW_ID, Schemas.USER_ID, Schemas.SESSION_ID,
                    Schemas.STATUS, Schemas.START_TIME, Schemas.END_TIME, Schemas.DB_ID, MAX_TRACES);

    static final String DESCRIPTION = "Reads every trace matching the filters (agent_id, team_id, workflow_id, user_id, "
            + "session_id, status, start_time, end_time; none = every trace), newest first, up to max_traces; "
            + "times may be relative (24h, 7d, today) and the answer states the absolute window.";

    static TraceFilter filter(ToolArgs a) {
        return new TraceFilter(null, a.string("session_id"), a.string("user_id"), a.string("agent_id"),
                a.string("team_id"), a.string("workflow_id"), a.string("status"), a.time("start_time"),
                a.time("end_time"), a.string("db_id"));
    }

    static int maxTraces(ToolArgs a) {
        return a.integer("max_traces", TraceScan.DEFAULT_LIMIT, 1, TraceScan.MAX_LIMIT);
    }
}
