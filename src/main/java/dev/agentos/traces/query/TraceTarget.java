package dev.agentos.traces.query;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;

/**
 * What an answer is about: one trace (by id or by the run it records), or a scan of every trace a filter
 * matches, up to a limit. Read from tool arguments (mcp.TargetParams) and from CLI options (cli.TargetOptions)
 * and checked here, so both faces refuse the same mix with the same sentence.
 */
public sealed interface TraceTarget {

    /** One trace: exactly one of traceId and runId. */
    record One(String traceId, String runId, String dbId) implements TraceTarget {

        public TraceDetail fetch(AgentOsClient client) {
            return FindTrace.byIdOrRun(client, traceId, runId, dbId);
        }
    }

    /** Every trace {@code filter} matches (its run_id unset), newest first, at most {@code limit}. */
    record Scan(TraceFilter filter, int limit) implements TraceTarget {
    }

    /**
     * One trace when a trace id or {@code filter.runId()} is given, else a scan.
     *
     * @param scanOnlyGiven an argument that only a scan takes was given (max_traces, group_by)
     * @param oneTrace how this face spells "one trace", e.g. {@code trace_id/run_id} or {@code TRACE_ID/--run-id}
     */
    static TraceTarget of(String traceId, TraceFilter filter, int limit, boolean scanOnlyGiven, String oneTrace) {
        if (traceId == null && filter.runId() == null) {
            return new Scan(filter, limit);
        }
        if (filter.selectsMany() || scanOnlyGiven) {
            throw new ArgumentException("Give either " + oneTrace + " (one trace) or filters (many traces), not both.");
        }
        return new One(traceId, filter.runId(), filter.dbId());
    }
}
