package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.render.TraceView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** {@code latest_trace}: the newest trace for an agent, session or user; or wait for a run's trace to appear. */
final class LatestTraceTool extends AgentOsTool {

    static final int MAX_WAIT_SECONDS = 300;
    static final int DEFAULT_WAIT_FOR_RUN = 30;
    private static final Set<String> TOP_LEVEL = Set.of("AGENT", "TEAM", "WORKFLOW");

    /** Sleeps between polls; tests replace it. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Sleeper sleeper;
    private final Clock clock;

    LatestTraceTool(Supplier<AgentOsClient> client, Clock clock) {
        this(client, clock, d -> Thread.sleep(d.toMillis()));
    }

    LatestTraceTool(Supplier<AgentOsClient> client, Clock clock, Sleeper sleeper) {
        super(client, clock);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    String name() {
        return "latest_trace";
    }

    @Override
    String title() {
        return "Latest trace (optionally wait for a run)";
    }

    @Override
    String description() {
        return "The newest trace, in full (as get_trace), for an agent, team, workflow, session or user (or overall). "
                + "With run_id: waits, polling with back-off up to wait_seconds (default " + DEFAULT_WAIT_FOR_RUN
                + "), until that run's trace appears and its top-level span has finished: for \"run it, then look\".";
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "agent_id": %s, "team_id": %s, "workflow_id": %s, "session_id": %s, "user_id": %s,
                  "run_id": %s, "wait_seconds": %s, "max_spans": %s, "db_id": %s}}"""
                .formatted(Schemas.AGENT_ID, Schemas.TEAM_ID, Schemas.WORKFLOW_ID, Schemas.SESSION_ID, Schemas.USER_ID,
                        Schemas.id("Wait for the trace of this run (exact run id)."),
                        Schemas.integer(0, MAX_WAIT_SECONDS, DEFAULT_WAIT_FOR_RUN,
                                "With run_id: how long to wait for its trace (0 = look once)."),
                        Schemas.integer(1, TraceView.MAX_MAX_SPANS, TraceView.DEFAULT_MAX_SPANS, "Most spans to show in the tree."),
                        Schemas.DB_ID);
    }

    @Override
    String outputSchema() {
        return GetTraceTool.OUTPUT_SCHEMA;
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        String runId = a.string("run_id");
        TraceFilter f = new TraceFilter(runId, a.string("session_id"), a.string("user_id"), a.string("agent_id"),
                a.string("team_id"), a.string("workflow_id"), null, null, null, a.string("db_id"));
        if (runId == null && a.raw("wait_seconds") != null) {
            throw new ArgumentException("wait_seconds needs run_id: it waits for that run's trace.");
        }
        TraceView.Options o = new TraceView.Options(
                a.integer("max_spans", TraceView.DEFAULT_MAX_SPANS, 1, TraceView.MAX_MAX_SPANS), 0);
        int wait = runId == null ? 0 : a.integer("wait_seconds", DEFAULT_WAIT_FOR_RUN, 0, MAX_WAIT_SECONDS);
        long deadline = clock.millis() + wait * 1000L;
        Duration pause = Duration.ofMillis(250);
        ScanControl control = a.control();
        int polls = 0;
        TraceDetail found = null;
        while (true) {
            control.check();
            polls++;
            Page<TraceSummary> p = client.listTraces(f, 1, AgentOsClient.DEFAULT_LIMIT);
            if (!p.data().isEmpty()) {
                found = client.getTrace(p.data().get(0).traceId(), f.dbId());
                if (runId == null || finished(found)) {
                    break;
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
            String who = TraceViewSupport.describe(f);
            throw new AgentOsException.NotFound(runId != null
                    ? "No trace for run " + runId + " appeared within " + wait + " s; check that the run started and that "
                            + "tracing is on, or raise wait_seconds."
                    : "No trace matches " + who + "; list_traces shows what there is.");
        }
        String text = TraceView.text(found, o);
        Map<String, Object> structured = TraceView.structured(found, o);
        if (runId != null && !finished(found)) {
            text = "Still running: the top-level span of run " + runId + " has not finished after " + wait
                    + " s; this is the trace so far (call again to wait longer).\n" + text;
            structured.put("in_progress", true);
        }
        return ok(text, structured);
    }

    /** Spans are written as they finish; the run's own span (AGENT, TEAM, WORKFLOW) finishes last. */
    static boolean finished(TraceDetail d) {
        if (d.tree().size() != 1) {
            return false; // children whose parent is not written yet appear as extra roots
        }
        TraceNode root = d.tree().get(0);
        return TOP_LEVEL.contains(root.type()) && root.endTime() != null;
    }

    /** Filters in words, for the not-found sentence. */
    static final class TraceViewSupport {
        static String describe(TraceFilter f) {
            String s = dev.agentos.traces.render.TokensView.filterLabel(f);
            return s.equals("no filter") ? "(no filter: AgentOS has no traces yet)" : s;
        }
    }
}
