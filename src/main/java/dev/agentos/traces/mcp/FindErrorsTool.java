package dev.agentos.traces.mcp;

import static dev.agentos.traces.mcp.Schema.array;
import static dev.agentos.traces.mcp.Schema.integer;
import static dev.agentos.traces.mcp.Schema.object;
import static dev.agentos.traces.mcp.Schema.row;


import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.render.ErrorsView;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.answer.Answers;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** {@code find_errors}: failures across traces, grouped by cause. */
final class FindErrorsTool extends AgentOsTool {

    static final Param<Integer> MAX_GROUPS = Param.integer("max_groups", 1, ErrorsView.MAX_MAX_GROUPS,
            ErrorsView.DEFAULT_MAX_GROUPS, null);

    FindErrorsTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Find failures";
    }

    @Override
    String description() {
        return "What keeps failing: failed spans grouped by tool and error shape, with counts and examples, "
                + "OK-status traces and silent LLM failures included.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(FilterParams.SCAN, TargetParams.MAX_TRACES, MAX_GROUPS);
    }

    @Override
    Map<String, Object> outputSchema() {
        return object().required(integer(), "failed_spans", "traces_with_errors", "traces_scanned")
                .required("groups", array(row("kind", "what", "count"))).required("scan", Outputs.SCAN).map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("groups_omitted", "max_groups", "scan.truncated", "max_traces");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        return ok(Answers.errors(client, FilterParams.SCAN.read(a), TargetParams.MAX_TRACES.read(a), MAX_GROUPS.read(a),
                a.now(), a.control(), Hints.MCP));
    }
}
