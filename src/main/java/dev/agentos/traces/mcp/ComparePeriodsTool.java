package dev.agentos.traces.mcp;

import static dev.agentos.traces.mcp.Schema.array;
import static dev.agentos.traces.mcp.Schema.object;
import static dev.agentos.traces.mcp.Schema.row;

import dev.agentos.traces.answer.Answers;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.render.Hints;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;

/** {@code compare_periods}: a window against the period before it, per agent/team/workflow and per model. */
final class ComparePeriodsTool extends AgentOsTool {

    static final Param<String> GROUP_BY = Param.oneOf("group_by", List.of("day"), null, "adds a daily series");

    ComparePeriodsTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Compare two periods";
    }

    @Override
    String description() {
        return "A window (default last 24h) vs a baseline (default: as long, just before), per agent/team/workflow and "
                + "model: runs, tokens, cost, duration p50/p95, error rate; changes of 20%+ marked.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(PeriodParams.WINDOWS, GROUP_BY);
    }

    @Override
    Map<String, Object> outputSchema() {
        return object().required("total", row("key")).required("components", array(row("key")))
                .required("models", array(row("model"))).required("baseline", Outputs.SCAN)
                .required("window", Outputs.SCAN).map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("components_omitted", "agent_id", "models_omitted", "", "baseline.truncated", "max_traces",
                "window.truncated", "max_traces");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        return ok(Answers.trend(client, PeriodParams.WINDOWS.read(a, null), TargetParams.MAX_TRACES.read(a),
                "day".equals(GROUP_BY.read(a)), a.now(), a.control(), Hints.MCP, false, true));
    }
}
