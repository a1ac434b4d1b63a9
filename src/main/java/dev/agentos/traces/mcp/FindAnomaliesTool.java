package dev.agentos.traces.mcp;

import static dev.agentos.traces.mcp.Schema.array;
import static dev.agentos.traces.mcp.Schema.integer;
import static dev.agentos.traces.mcp.Schema.object;
import static dev.agentos.traces.mcp.Schema.row;

import dev.agentos.traces.answer.Answers;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.PeriodScan;
import dev.agentos.traces.render.AnomaliesView;
import dev.agentos.traces.render.Hints;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** {@code find_anomalies}: runs far from their agent's baseline, and errors, tools and models new in the window. */
final class FindAnomaliesTool extends AgentOsTool {

    static final Param<Integer> MAX_RUNS = Param.integer("max_runs", 1, AnomaliesView.MAX_MAX_RUNS,
            AnomaliesView.DEFAULT_MAX_RUNS, null);

    FindAnomaliesTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Find unusual runs";
    }

    @Override
    String description() {
        return "Runs far from their agent/team/workflow's baseline (default: the 7 days before) in tokens, duration or "
                + "calls; rising tool failures; new error shapes, tools, models.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(PeriodParams.WINDOWS, MAX_RUNS);
    }

    @Override
    Map<String, Object> outputSchema() {
        return object().required(integer(), "baseline_runs", "window_runs", "flagged_total")
                .required("flagged", array(row("trace_id", "metrics"))).map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("flagged_omitted", "max_runs", "baseline.truncated", "max_traces", "window.truncated", "max_traces");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        return ok(Answers.anomalies(client, PeriodParams.WINDOWS.read(a, PeriodScan.ANOMALY_BASELINE),
                TargetParams.MAX_TRACES.read(a), MAX_RUNS.read(a), a.now(), a.control(), Hints.MCP));
    }
}
