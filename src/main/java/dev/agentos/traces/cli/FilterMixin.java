package dev.agentos.traces.cli;

import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.TraceTarget;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The filters of GET /traces as flags. */
final class FilterMixin {

    @Option(names = "--run-id", paramLabel = "ID", description = "Only the trace of this run.")
    String runId;

    @Option(names = "--session-id", paramLabel = "ID", description = "Only traces of this session.")
    String sessionId;

    @Option(names = "--user-id", paramLabel = "ID", description = "Only traces of this user.")
    String userId;

    @Option(names = "--agent-id", paramLabel = "ID", description = "Only runs of this agent.")
    String agentId;

    @Option(names = "--team-id", paramLabel = "ID", description = "Only runs of this team.")
    String teamId;

    @Option(names = "--workflow-id", paramLabel = "ID", description = "Only runs of this workflow.")
    String workflowId;

    @Option(names = "--status", paramLabel = "OK|ERROR",
            description = "Only traces with this status (a run whose tool failed often says OK; see the error column).")
    String status;

    @Option(names = {"--since", "--start-time"}, paramLabel = "TIME",
            description = "Only traces that started at or after TIME: ISO 8601 or 30m, 24h, 7d, today, yesterday.")
    String since;

    @Option(names = {"--until", "--end-time"}, paramLabel = "TIME",
            description = "Only traces that ended at or before TIME (same forms as --since).")
    String until;

    TraceFilter filter(String dbId, Instant now) {
        return TraceFilter.builder().runId(runId).sessionId(sessionId).userId(userId).agentId(agentId).teamId(teamId)
                .workflowId(workflowId).status(status).startTime(Times.parseUserTime("--since", since, now))
                .endTime(Times.parseUserTime("--until", until, now)).dbId(dbId).build();
    }

    /** One trace (TRACE_ID or --run-id), or a scan of every trace these filters match: the CLI's one reading of it. */
    TraceTarget target(String traceId, int maxTraces, String dbId, Instant now) {
        return TraceTarget.of(traceId, filter(dbId, now), maxTraces, false, "TRACE_ID/--run-id");
    }

    boolean sessionOrRunOrStatusGiven() {
        return runId != null || sessionId != null || status != null;
    }
}
