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

    public static final TraceFilter NONE = builder().build();

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
        return toBuilder().dbId(db).build();
    }

    /** True when anything but run_id and db_id narrows it: what a scan filters on. */
    public boolean selectsMany() {
        return sessionId != null || userId != null || agentId != null || teamId != null || workflowId != null
                || status != null || startTime != null || endTime != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().runId(runId).sessionId(sessionId).userId(userId).agentId(agentId).teamId(teamId)
                .workflowId(workflowId).status(status).startTime(startTime).endTime(endTime).dbId(dbId);
    }

    /** Named setters instead of ten positional arguments; {@link #build()} validates. */
    public static final class Builder {
        private String runId;
        private String sessionId;
        private String userId;
        private String agentId;
        private String teamId;
        private String workflowId;
        private String status;
        private Instant startTime;
        private Instant endTime;
        private String dbId;

        private Builder() {
        }

        public Builder runId(String v) {
            runId = v;
            return this;
        }

        public Builder sessionId(String v) {
            sessionId = v;
            return this;
        }

        public Builder userId(String v) {
            userId = v;
            return this;
        }

        public Builder agentId(String v) {
            agentId = v;
            return this;
        }

        public Builder teamId(String v) {
            teamId = v;
            return this;
        }

        public Builder workflowId(String v) {
            workflowId = v;
            return this;
        }

        public Builder status(String v) {
            status = v;
            return this;
        }

        public Builder startTime(Instant v) {
            startTime = v;
            return this;
        }

        public Builder endTime(Instant v) {
            endTime = v;
            return this;
        }

        public Builder dbId(String v) {
            dbId = v;
            return this;
        }

        public TraceFilter build() {
            return new TraceFilter(runId, sessionId, userId, agentId, teamId, workflowId, status, startTime, endTime, dbId);
        }
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
