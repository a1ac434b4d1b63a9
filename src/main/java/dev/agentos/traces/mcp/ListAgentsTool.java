package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.Catalog;
import dev.agentos.traces.query.Discovery;
import dev.agentos.traces.render.CatalogView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** {@code list_agents}: what the AgentOS serves (agents, teams, workflows), with models, tools and members. */
final class ListAgentsTool extends AgentOsTool {

    private static final Schema NAMES = Schema.array(Schema.string());
    private static final Schema ITEMS = Schema.array(Schema.object().required("id", Schema.string())
            .optional(Schema.string(), "name", "description", "db_id")
            .optional(NAMES, "models", "tools", "members", "steps"));
    private static final Map<String, Object> OUTPUT = Schema.object().required(ITEMS, "agents", "teams", "workflows").map();

    ListAgentsTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Agents, teams and workflows";
    }

    @Override
    String description() {
        return "Every agent, team and workflow the AgentOS serves: id, name, model, tools, members or steps.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema();
    }

    @Override
    Map<String, Object> outputSchema() {
        return OUTPUT;
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        Catalog c = Discovery.catalog(client, true);
        return ok(CatalogView.text(c), CatalogView.structured(c));
    }
}
