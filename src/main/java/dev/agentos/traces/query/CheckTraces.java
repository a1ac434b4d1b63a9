package dev.agentos.traces.query;

import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.analysis.TraceRules;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Catalog;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The traces a check is about (one trace, a run's, the latest of a component, or a filter), then its rules on them. */
public final class CheckTraces {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 1000;

    private CheckTraces() {
    }

    /**
     * Exactly one of {@code traceId}, {@code runId}, {@code latest} (an agent, team or workflow id), or else the
     * {@code filter} (newest first, at most {@code limit} traces).
     */
    public record Target(String traceId, String runId, String latest, TraceFilter filter, int limit) {
        public Target {
            int given = (traceId != null ? 1 : 0) + (runId != null ? 1 : 0) + (latest != null ? 1 : 0);
            if (given > 1) {
                throw new ArgumentException("Give one of trace_id, run_id or latest, not several.");
            }
            if (given == 1 && filter != null && !filter.equals(TraceFilter.NONE.withDbId(filter.dbId()))) {
                throw new ArgumentException("Filters choose traces to check; with trace_id, run_id or latest leave them out.");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit + ".");
            }
        }

        String dbId() {
            return filter == null ? null : filter.dbId();
        }
    }

    /** @param matching how many traces the filter matched (more than checked when {@code truncated}) */
    public record Result(List<TraceDetail> traces, List<TraceRules.Result> results, long matching, boolean truncated) {
        public boolean passed() {
            return results.stream().allMatch(TraceRules.Result::passed);
        }

        public long failed() {
            return results.stream().filter(r -> !r.passed()).count();
        }
    }

    public static Result run(AgentOsClient client, Target t, List<TraceRules.Rule> rules, Clock clock,
            ScanControl control) {
        if (rules.isEmpty()) {
            throw new ArgumentException("No rules to check; give at least one (e.g. no_failed_spans, max_tokens).");
        }
        List<TraceDetail> traces = new ArrayList<>();
        long matching;
        boolean truncated = false;
        if (t.traceId() != null) {
            traces.add(client.getTrace(t.traceId(), t.dbId()));
            matching = 1;
        } else if (t.runId() != null) {
            TraceSummary s = client.findByRunId(t.runId(), t.dbId()).orElseThrow(() -> new AgentOsException.NotFound(
                    "No trace for run " + t.runId() + "; check the run id, or wait for the run to finish."));
            traces.add(client.getTrace(s.traceId(), t.dbId()));
            matching = 1;
        } else if (t.latest() != null) {
            traces.add(latest(client, t.latest(), t.dbId(), clock, control));
            matching = 1;
        } else {
            TraceFilter f = t.filter() == null ? TraceFilter.NONE : t.filter();
            TraceScan.Stats s = TraceScan.scan(client, f, t.limit(), clock.instant(), control, traces::add);
            matching = s.matching();
            truncated = s.truncated();
            if (traces.isEmpty()) {
                throw new AgentOsException.NotFound("No trace matches these filters, so there is nothing to check"
                        + hint(client, f) + ".");
            }
        }
        return new Result(traces, TraceRules.evaluate(rules, traces, Pricing.current()), matching, truncated);
    }

    /** The newest trace of the agent, team or workflow with this id (resolved through discovery). */
    static TraceDetail latest(AgentOsClient client, String id, String dbId, Clock clock, ScanControl control) {
        Catalog.Component c = Discovery.resolve(client, id, null);
        TraceFilter f = switch (c.kind()) {
            case AGENT -> new TraceFilter(null, null, null, id, null, null, null, null, null, dbId);
            case TEAM -> new TraceFilter(null, null, null, null, id, null, null, null, null, dbId);
            case WORKFLOW -> new TraceFilter(null, null, null, null, null, id, null, null, null, dbId);
        };
        try {
            return LatestTrace.find(client, f, 0, clock, LatestTrace.Sleeper.REAL, control).trace();
        } catch (AgentOsException.NotFound e) {
            throw new AgentOsException.NotFound(c.kind().label() + " '" + id + "' has no traces yet; run it first.");
        }
    }

    private static String hint(AgentOsClient client, TraceFilter f) {
        String unknown = Discovery.unknownIds(client, f);
        return unknown == null ? "" : ": " + unknown.substring(0, unknown.length() - 1);
    }
}
