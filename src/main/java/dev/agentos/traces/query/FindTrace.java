package dev.agentos.traces.query;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;

/** A whole trace by its id or by the run id of the run it records. */
public final class FindTrace {

    private FindTrace() {
    }

    public static TraceDetail byIdOrRun(AgentOsClient client, String traceId, String runId, String dbId) {
        return client.getTrace(traceId(client, traceId, runId, dbId), dbId);
    }

    /** The trace id itself, or the id of the trace that records the run (one small request, not the trace). */
    public static String traceId(AgentOsClient client, String traceId, String runId, String dbId) {
        boolean hasTrace = traceId != null && !traceId.isBlank();
        boolean hasRun = runId != null && !runId.isBlank();
        if (hasTrace == hasRun) {
            throw new ArgumentException("Give exactly one of trace_id or run_id.");
        }
        if (hasTrace) {
            return traceId.strip();
        }
        return client.findByRunId(runId, dbId)
                .orElseThrow(() -> new AgentOsException.NotFound("No trace has run_id " + runId.strip()
                        + "; the run may still be going (traces are written as spans finish), or tracing was off for it."))
                .traceId();
    }
}
