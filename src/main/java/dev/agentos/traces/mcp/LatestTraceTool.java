package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.LatestTrace;
import dev.agentos.traces.render.TraceView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.Map;

/** {@code latest_trace}: the newest trace for an agent, session or user; or wait for a run's trace to appear. */
final class LatestTraceTool extends AgentOsTool {

    static final int MAX_WAIT_SECONDS = LatestTrace.MAX_WAIT_SECONDS;
    static final int DEFAULT_WAIT_FOR_RUN = 30;
    private final LatestTrace.Sleeper sleeper;
    private final Clock clock;

    static final FilterParams WHOSE = new FilterParams(FilterParams.AGENT_ID, FilterParams.TEAM_ID,
            FilterParams.WORKFLOW_ID, FilterParams.SESSION_ID, FilterParams.USER_ID);
    static final Param<String> RUN_ID = Param.id("run_id", "Wait for this run's trace");
    static final Param<Integer> WAIT_SECONDS = Param.integer("wait_seconds", 0, MAX_WAIT_SECONDS, DEFAULT_WAIT_FOR_RUN,
            "0 = look once");

    LatestTraceTool(ToolRegistry.Context c) {
        this(c, LatestTrace.Sleeper.REAL);
    }

    LatestTraceTool(ToolRegistry.Context c, LatestTrace.Sleeper sleeper) {
        super(c);
        this.clock = c.clock();
        this.sleeper = sleeper;
    }

    @Override
    String title() {
        return "Latest trace";
    }

    @Override
    String description() {
        return "The newest trace (as get_trace), overall or for an agent, team, workflow, session or user; "
                + "run_id waits for that run's trace.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(WHOSE, RUN_ID, WAIT_SECONDS, GetTraceTool.MAX_SPANS, FilterParams.DB_ID);
    }

    /** MCP Apps hosts draw the result as a waterfall (resource {@value TraceResources#WATERFALL}). */
    @Override
    Map<String, Object> meta() {
        return TraceResources.WATERFALL_META;
    }

    @Override
    Map<String, Object> outputSchema() {
        return Outputs.TRACE.map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("spans_omitted", "max_spans");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        String runId = RUN_ID.read(a);
        TraceFilter f = WHOSE.read(a).toBuilder().runId(runId).dbId(FilterParams.DB_ID.read(a)).build();
        if (runId == null && WAIT_SECONDS.given(a)) {
            throw new ArgumentException("wait_seconds needs run_id: it waits for that run's trace.");
        }
        TraceView.Options o = new TraceView.Options(GetTraceTool.MAX_SPANS.read(a), 0);
        int wait = runId == null ? 0 : WAIT_SECONDS.read(a);
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
