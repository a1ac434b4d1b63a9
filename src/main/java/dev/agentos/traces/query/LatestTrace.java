package dev.agentos.traces.query;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The newest trace matching a filter; with a run id, polls (250 ms doubling to 5 s between tries) until that
 * run's trace is there and its top-level span has been written, or the wait is over.
 */
public final class LatestTrace {

    public static final int MAX_WAIT_SECONDS = 300;
    private static final Set<String> TOP_LEVEL = Set.of("AGENT", "TEAM", "WORKFLOW");

    private LatestTrace() {
    }

    /** Sleeps between polls; tests replace it. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    /** @param finished false when the wait ended before the run's top-level span was written */
    public record Result(TraceDetail trace, boolean finished, int polls) {
    }

    /** @throws AgentOsException.NotFound when nothing matched in time */
    public static Result find(AgentOsClient client, TraceFilter filter, int waitSeconds, Clock clock, Sleeper sleeper,
            ScanControl control) {
        long deadline = clock.millis() + waitSeconds * 1000L;
        Duration pause = Duration.ofMillis(250);
        int polls = 0;
        TraceDetail found = null;
        while (true) {
            control.check();
            polls++;
            Page<TraceSummary> p = client.listTraces(filter, 1, AgentOsClient.DEFAULT_LIMIT);
            if (!p.data().isEmpty()) {
                found = client.getTrace(p.data().get(0).traceId(), filter.dbId());
                if (filter.runId() == null || finished(found)) {
                    return new Result(found, true, polls);
                }
            }
            long left = deadline - clock.millis();
            if (left <= 0) {
                break;
            }
            control.progress(polls, 0);
            try {
                sleeper.sleep(Duration.ofMillis(Math.min(pause.toMillis(), left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScanControl.Cancelled();
            }
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : pause.multipliedBy(2);
        }
        if (found == null) {
            throw new AgentOsException.NotFound(filter.runId() != null
                    ? "No trace for run " + filter.runId() + " appeared within " + waitSeconds + " s; check that the run "
                            + "started and that tracing is on, or wait longer."
                    : "No trace matches these filters; " + notServed(client, filter));
        }
        return new Result(found, false, polls);
    }

    private static String notServed(AgentOsClient client, TraceFilter filter) {
        String unknown = Discovery.unknownIds(client, filter);
        return unknown != null ? unknown : "list the traces to see what there is.";
    }

    /** Spans are written as they finish; the run's own span (AGENT, TEAM, WORKFLOW) finishes last. */
    public static boolean finished(TraceDetail d) {
        if (d.tree().size() != 1) {
            return false; // children whose parent is not written yet appear as extra roots
        }
        TraceNode root = d.tree().get(0);
        return TOP_LEVEL.contains(root.type()) && root.endTime() != null;
    }
}
