package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.LatestTrace;
import dev.agentos.traces.render.TraceView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** {@code latest_trace}: the newest trace for an agent, session or user; or wait for a run's trace to appear. */
final class LatestTraceTool extends AgentOsTool {

    static final int MAX_WAIT_SECONDS = LatestTrace.MAX_WAIT_SECONDS;
    static final int DEFAULT_WAIT_FOR_RUN = 30;
    private final LatestTrace.Sleeper sleeper;
    private final Clock clock;

    LatestTraceTool(Supplier<AgentOsClient> client, Clock clock) {
        this(client, clock, LatestTrace.Sleeper.REAL);
    }

    LatestTraceTool(Supplier<AgentOsClient> client, Clock clock, LatestTrace.Sleeper sleeper) {
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

    /** MCP Apps hosts draw the result as a waterfall (resource {@value TraceResources#WATERFALL}). */
    @Override
    Map<String, Object> meta() {
        return TraceResources.WATERFALL_META;
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
        LatestTrace.Result r = LatestTrace.find(client, f, wait, clock, sleeper, a.control());
        String text = TraceView.text(r.trace(), o);
        Map<String, Object> structured = TraceView.structured(r.trace(), o);
        if (!r.finished()) {
            text = "Still running: the top-level span of run " + runId + " has not finished after " + wait
                    + " s; this is the trace so far (call again to wait longer).\n" + text;
            structured.put("in_progress", true);
        }
        return ok(text, structured);
    }
}
