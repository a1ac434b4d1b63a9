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
        boolean hasTrace = traceId != null && !traceId.isBlank();
        boolean hasRun = runId != null && !runId.isBlank();
        if (hasTrace == hasRun) {
            throw new ArgumentException("Give exactly one of trace_id or run_id.");
        }
        if (hasTrace) {
            return client.getTrace(traceId, dbId);
        }
        String id = client.findByRunId(runId, dbId)
                .orElseThrow(() -> new AgentOsException.NotFound("No trace has run_id " + runId.strip()
                        + "; the run may still be going (traces are written as spans finish), or tracing was off for it."))
                .traceId();
        return client.getTrace(id, dbId);
    }
}
