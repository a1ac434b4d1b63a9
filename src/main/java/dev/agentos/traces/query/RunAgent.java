package dev.agentos.traces.query;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.Catalog;
import dev.agentos.traces.client.EventStream;
import dev.agentos.traces.client.RunEvent;
import dev.agentos.traces.client.RunMetrics;
import dev.agentos.traces.client.TraceFilter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an agent, team or workflow with streaming, then waits for the trace it leaves: "run it, then look" in one
 * call. A cancelled request stops reading the stream and cancels the run on AgentOS.
 */
public final class RunAgent {

    private static final Logger LOG = LoggerFactory.getLogger(RunAgent.class);
    static final int ID_WAIT_MS = 2_000;
    /** Most tool calls and steps remembered for the result. */
    private static final int MAX_REMEMBERED = 50;

    private RunAgent() {
    }

    /**
     * What the stream said.
     *
     * @param status COMPLETED, ERROR, CANCELLED, or INCOMPLETE when the stream ended without saying
     * @param error the error message of a failed run (a model failure answers HTTP 200 with it)
     * @param tools tool calls in order, {@code name} or {@code name (failed)}
     */
    public record Outcome(String runId, String sessionId, String status, String output, String error, String errorType,
            RunMetrics metrics, int events, int modelCalls, List<String> tools, List<String> steps) {
    }

    /** @param trace null when no trace appeared; then {@code traceNote} says why */
    public record Result(Catalog.Component target, Outcome outcome, LatestTrace.Result trace, String traceNote) {
    }

    public static Result run(AgentOsClient client, Catalog.Component target, AgentOsClient.RunRequest request,
            int waitSeconds, Clock clock, LatestTrace.Sleeper sleeper, ScanControl control, Consumer<RunEvent> listener) {
        control.check();
        Outcome o = stream(client, target, request, control, listener);
        if (o.runId() == null) {
            return new Result(target, o, null, "AgentOS named no run id, so its trace cannot be looked up.");
        }
        TraceFilter f = new TraceFilter(o.runId(), null, null, null, null, null, null, null, null, target.dbId());
        try {
            return new Result(target, o, LatestTrace.find(client, f, waitSeconds, clock, sleeper, control), null);
        } catch (AgentOsException.NotFound e) {
            return new Result(target, o, null, e.getMessage());
        }
    }

    static Outcome stream(AgentOsClient client, Catalog.Component target, AgentOsClient.RunRequest request,
            ScanControl control, Consumer<RunEvent> listener) {
        EventStream events = client.startRun(target.kind(), target.id(), request);
        java.util.concurrent.atomic.AtomicReference<String> announced = new java.util.concurrent.atomic.AtomicReference<>();
        Thread watcher = watch(events, control, announced);
        String runId = null;
        String sessionId = request.sessionId();
        String status = null;
        String output = null;
        String error = null;
        String errorType = null;
        RunMetrics metrics = null;
        RunMetrics modelTotals = RunMetrics.NONE;
        StringBuilder deltas = new StringBuilder();
        int count = 0;
        int modelCalls = 0;
        List<String> tools = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        try {
            RunEvent e;
            while (status == null && (e = events.next()) != null) {
                count++;
                if (runId == null && e.runId() != null) {
                    runId = e.runId(); // the first event is the run's own start; nested runs follow
                    announced.set(runId);
                }
                if (e.sessionId() != null && sessionId == null) {
                    sessionId = e.sessionId();
                }
                boolean top = runId == null || runId.equals(e.runId());
                if (e.isContentDelta()) {
                    if (top && e.content() != null && deltas.length() < 1_000_000) {
                        deltas.append(e.content());
                    }
                    continue;
                }
                if (e.isModelCallDone()) {
                    modelCalls++;
                    if (e.metrics() != null) {
                        modelTotals = modelTotals.plus(e.metrics());
                    }
                }
                if (e.event().endsWith("ToolCallCompleted") || e.event().endsWith("ToolCallError")) {
                    remember(tools, e.toolName() + (Boolean.TRUE.equals(e.toolFailed())
                            || e.event().endsWith("Error") ? " (failed)" : ""));
                }
                if (e.event().equals("StepCompleted") || e.event().equals("StepError")) {
                    remember(steps, e.stepName() + (e.event().equals("StepError") ? " (failed)" : ""));
                }
                listener.accept(e);
                if (top && e.terminalStatus() != null) {
                    status = e.terminalStatus();
                    metrics = e.metrics();
                    if (status.equals("ERROR")) {
                        error = e.content();
                        errorType = e.errorType();
                    } else {
                        output = e.content();
                    }
                }
            }
        } catch (AgentOsException ex) {
            if (!events.isClosed()) {
                throw ex;
            }
        } finally {
            watcher.interrupt();
            events.close();
        }
        if (control.cancelled()) {
            if (runId != null && status == null) {
                try {
                    client.cancelRun(target.kind(), target.id(), runId, sessionId);
                } catch (AgentOsException ex) {
                    LOG.warn("cancelling run {} on AgentOS failed: {}", runId, ex.getMessage());
                }
            }
            throw new ScanControl.Cancelled();
        }
        if (output == null && status != null && !status.equals("ERROR") && deltas.length() > 0) {
            output = deltas.toString();
        }
        RunMetrics m = (metrics == null ? modelTotals : metrics).withTokenKindsFrom(modelTotals);
        return new Outcome(runId, sessionId, status == null ? "INCOMPLETE" : status, output, error, errorType, m, count,
                modelCalls, List.copyOf(tools), List.copyOf(steps));
    }

    private static void remember(List<String> list, String item) {
        if (list.size() < MAX_REMEMBERED) {
            list.add(item);
        }
    }

    /**
     * Closes the stream when the request is cancelled: that ends a read blocked on a silent run. A run that has not
     * said its id yet gets up to {@value #ID_WAIT_MS} ms to say it, so that it can be cancelled on AgentOS too.
     */
    private static Thread watch(EventStream events, ScanControl control,
            java.util.concurrent.atomic.AtomicReference<String> announced) {
        Thread t = new Thread(() -> {
            try {
                while (!events.isClosed()) {
                    if (control.cancelled()) {
                        for (int waited = 0; announced.get() == null && waited < ID_WAIT_MS && !events.isClosed(); waited += 50) {
                            Thread.sleep(50);
                        }
                        events.close();
                        return;
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException done) {
                // the stream ended first
            }
        }, "run-cancel-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
