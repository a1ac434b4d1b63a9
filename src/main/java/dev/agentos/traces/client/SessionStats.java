package dev.agentos.traces.client;

import java.time.Instant;

/** One row of {@code GET /trace_session_stats} (or search grouped by session). */
public record SessionStats(
        String sessionId, String userId, String agentId, String teamId, String workflowId,
        int totalTraces, Instant firstTraceAt, Instant lastTraceAt) {
}
