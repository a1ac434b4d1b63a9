package dev.agentos.traces.mcp;

import static dev.agentos.traces.mcp.Schema.array;
import static dev.agentos.traces.mcp.Schema.object;
import static dev.agentos.traces.mcp.Schema.row;


import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.TraceTarget;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.SlowSpansView;
import dev.agentos.traces.answer.Answers;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** {@code slow_spans}: where the time went, in one trace or across many. */
final class SlowSpansTool extends AgentOsTool {

    static final Param<Integer> TOP = Param.integer("top", 1, SlowSpansView.MAX_TOP, SlowSpansView.DEFAULT_TOP, null);

    SlowSpansTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Find what is slow";
    }

    @Override
    String description() {
        return "Where time went: one trace's LLM/tool/other split (per step), critical path, slowest spans; over "
                + "many, p50/p95/max per span and the split per agent.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(TargetParams.ONE_OR_SCAN, TOP);
    }

    @Override
    Map<String, Object> outputSchema() {
        return object().required("scope", Schema.oneOf("trace", "filter")).optional("split", Outputs.SPLIT)
                .optional("steps", array(row("name", "split")))
                .optional("by_runner", array(row("runner", "traces", "total", "median")))
                .optional("by_span", array(row("type", "name", "count", "p50_ms", "p95_ms", "max_ms")))
                .optional("scan", Outputs.SCAN).map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("spans_omitted", "top", "names_omitted", "top", "scan.truncated", "max_traces");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        TraceTarget target = TargetParams.ONE_OR_SCAN.read(a);
        return ok(Answers.slow(client, target, TOP.read(a), a.now(), a.control(), Hints.MCP));
    }
}
