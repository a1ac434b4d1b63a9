package dev.agentos.traces.client;

import java.time.Duration;
import java.time.Instant;

/** One row of {@code GET /traces}; absent fields are null. */
public record TraceSummary(
        String traceId, String name, String status, String durationText,
        Instant startTime, Instant endTime, int totalSpans, int errorCount,
        String input, String runId, String sessionId, String userId,
        String agentId, String teamId, String workflowId, Instant createdAt) {

    public TraceSummary {
        // AgentOS omits nulls; views and schemas need a name and a status
        name = name == null ? TraceNode.UNKNOWN : name;
        status = status == null ? TraceNode.UNKNOWN : status;
    }

    /** Precise duration from the timestamps; the server's string only when a timestamp is missing. */
    public Duration duration() {
        return TraceNode.preciseDuration(startTime, endTime, durationText);
    }

    /** A run whose status says OK may still contain failed spans. */
    public boolean hasErrors() {
        return errorCount > 0 || "ERROR".equals(status);
    }

    /** The agent, team or workflow that ran. */
    public String component() {
        if (agentId != null) {
            return "agent " + agentId;
        }
        if (teamId != null) {
            return "team " + teamId;
        }
        if (workflowId != null) {
            return "workflow " + workflowId;
        }
        return null;
    }
}
