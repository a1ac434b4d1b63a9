package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.Catalog;
import dev.agentos.traces.query.Discovery;
import dev.agentos.traces.render.CatalogView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.function.Supplier;

/** {@code list_agents}: what the AgentOS serves (agents, teams, workflows), with models, tools and members. */
final class ListAgentsTool extends AgentOsTool {

    ListAgentsTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "list_agents";
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
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {}}""";
    }

    static final String ITEMS = """
            {"type": "array", "items": {"type": "object", "required": ["id"], "properties": {
              "id": {"type": "string"}, "name": {"type": "string"}, "description": {"type": "string"},
              "models": {"type": "array", "items": {"type": "string"}},
              "tools": {"type": "array", "items": {"type": "string"}},
              "members": {"type": "array", "items": {"type": "string"}},
              "steps": {"type": "array", "items": {"type": "string"}}, "db_id": {"type": "string"}}}}""";

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["agents", "teams", "workflows"], "properties": {
                  "agents": %s, "teams": %s, "workflows": %s}}""".formatted(ITEMS, ITEMS, ITEMS);
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        Catalog c = Discovery.catalog(client, true);
        return ok(CatalogView.text(c), CatalogView.structured(c));
    }
}
