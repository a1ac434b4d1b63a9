package dev.agentos.traces.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of {@code GET /traces} (all AND-ed). {@code GET /trace_session_stats} uses the subset
 * user/agent/team/workflow/time. Values are validated on construction, before any request.
 */
public record TraceFilter(
        String runId, String sessionId, String userId, String agentId, String teamId, String workflowId,
        String status, Instant startTime, Instant endTime, String dbId) {

    public static final TraceFilter NONE = new TraceFilter(null, null, null, null, null, null, null, null, null, null);

    public TraceFilter {
        runId = Ids.optional("run_id", runId);
        sessionId = Ids.optional("session_id", sessionId);
        userId = Ids.optional("user_id", userId);
        agentId = Ids.optional("agent_id", agentId);
        teamId = Ids.optional("team_id", teamId);
        workflowId = Ids.optional("workflow_id", workflowId);
        dbId = Ids.optional("db_id", dbId);
        if (status != null) {
            status = status.strip().toUpperCase(java.util.Locale.ROOT);
            if (status.isEmpty()) {
                status = null;
            } else if (!status.equals("OK") && !status.equals("ERROR")) {
                throw new ArgumentException("status must be OK or ERROR (traces whose tool failed often say OK "
                        + "with error_count > 0), not '" + Times.clip(status) + "'.");
            }
        }
        if (startTime != null && endTime != null && startTime.isAfter(endTime)) {
            throw new ArgumentException("start_time (" + startTime + ") is after end_time (" + endTime + ").");
        }
    }

    public TraceFilter withDbId(String db) {
        return new TraceFilter(runId, sessionId, userId, agentId, teamId, workflowId, status, startTime, endTime, db);
    }

    /** Query parameters for {@code GET /traces}, in a stable order, nulls left out. */
    Map<String, String> listQuery() {
        Map<String, String> q = new LinkedHashMap<>();
        put(q, "run_id", runId);
        put(q, "session_id", sessionId);
        put(q, "user_id", userId);
        put(q, "agent_id", agentId);
        put(q, "team_id", teamId);
        put(q, "workflow_id", workflowId);
        put(q, "status", status);
        put(q, "start_time", startTime == null ? null : startTime.toString());
        put(q, "end_time", endTime == null ? null : endTime.toString());
        return q;
    }

    /** Query parameters for {@code GET /trace_session_stats}. */
    Map<String, String> statsQuery() {
        if (runId != null || sessionId != null || status != null) {
            throw new ArgumentException("Session statistics can be filtered by user_id, agent_id, team_id, "
                    + "workflow_id, start_time and end_time only (not run_id, session_id or status).");
        }
        return listQuery();
    }

    private static void put(Map<String, String> q, String k, String v) {
        if (v != null) {
            q.put(k, v);
        }
    }
}
