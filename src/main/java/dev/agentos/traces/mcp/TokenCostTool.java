package dev.agentos.traces.mcp;

import static dev.agentos.traces.mcp.Schema.array;
import static dev.agentos.traces.mcp.Schema.integer;
import static dev.agentos.traces.mcp.Schema.number;
import static dev.agentos.traces.mcp.Schema.object;
import static dev.agentos.traces.mcp.Schema.row;
import static dev.agentos.traces.mcp.Schema.string;


import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.TraceTarget;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.answer.Answers;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** {@code token_cost}: exact tokens × list prices, labelled an estimate. */
final class TokenCostTool extends AgentOsTool {

    TokenCostTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Estimate token cost";
    }

    @Override
    String description() {
        return "Estimated cost: exact tokens times list prices (agentos://pricing); unpriced models are listed, "
                + "not guessed.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(TargetParams.ONE_OR_SCAN);
    }

    @Override
    Map<String, Object> outputSchema() {
        return object().required("estimate", Schema.bool()).required("total_cost", number())
                .required("by_model", array(row("model", "cost"))).required("unpriced_models", array(row("model")))
                .required("pricing_source", string()).optional(integer(), "input_tokens", "output_tokens")
                .optional("scan", Outputs.SCAN).map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("scan.truncated", "max_traces");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        TraceTarget target = TargetParams.ONE_OR_SCAN.read(a);
        return ok(Answers.cost(client, target, Pricing.current(), a.now(), a.control(), Hints.MCP));
    }
}
