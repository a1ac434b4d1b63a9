package dev.agentos.traces.mcp;

import static dev.agentos.traces.mcp.Schema.array;
import static dev.agentos.traces.mcp.Schema.integer;
import static dev.agentos.traces.mcp.Schema.object;
import static dev.agentos.traces.mcp.Schema.row;


import dev.agentos.traces.analysis.GroupBy;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.TraceTarget;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.answer.Answers;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;

/** {@code total_tokens}: exact token counts of one trace, or summed over every trace matching a filter. */
final class TotalTokensTool extends AgentOsTool {

    static final Param<String> GROUP_BY = Param.oneOf("group_by", List.of("model", "agent", "user", "session", "day"),
            null, "Scan: breakdown (day: UTC)");
    static final TargetParams TARGET = new TargetParams(GROUP_BY);

    TotalTokensTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Count tokens";
    }

    @Override
    String description() {
        return "Exact input/output tokens per model: one trace, or summed over the traces filters match (traces "
                + "lack cached/reasoning tokens).";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(TARGET);
    }

    @Override
    Map<String, Object> outputSchema() {
        return object().required("scope", Schema.oneOf("trace", "filter"))
                .required(integer(), "input_tokens", "output_tokens", "total_tokens").required("by_model", Outputs.MODEL_TOKENS)
                .optional("groups", array(row("key", "traces", "input_tokens", "output_tokens", "total_tokens"))).map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("truncated", "max_traces", "spans_omitted", "", "traces_omitted", "", "groups_omitted", "");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        TraceTarget target = TARGET.read(a);
        GroupBy by = GroupBy.parse(GROUP_BY.read(a));
        return ok(Answers.tokens(client, target, by, a.now(), a.control(), Hints.MCP));
    }
}
