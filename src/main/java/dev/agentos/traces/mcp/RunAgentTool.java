package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Catalog;
import dev.agentos.traces.client.RunEvent;
import dev.agentos.traces.query.Discovery;
import dev.agentos.traces.query.LatestTrace;
import dev.agentos.traces.query.RunAgent;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.RunView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * {@code run_agent}: runs an agent, team or workflow, streaming its events as progress, then waits for its trace.
 * Only offered when the server was started with {@code --allow-runs}: it has side effects and costs money.
 */
final class RunAgentTool extends AgentOsTool {

    static final int DEFAULT_WAIT = 30;
    private final Clock clock;
    private final LatestTrace.Sleeper sleeper;

    RunAgentTool(Supplier<AgentOsClient> client, Clock clock) {
        this(client, clock, LatestTrace.Sleeper.REAL);
    }

    RunAgentTool(Supplier<AgentOsClient> client, Clock clock, LatestTrace.Sleeper sleeper) {
        super(client, clock);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    String name() {
        return "run_agent";
    }

    @Override
    String title() {
        return "Run an agent, team or workflow";
    }

    @Override
    String description() {
        return "Runs an agent, team or workflow with a message (side effects, costs tokens), then returns its status, "
                + "output, metrics and trace summary.";
    }

    @Override
    boolean readOnly() {
        return false;
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "required": ["message"], "properties": {
                  "agent_id": %s, "team_id": %s, "workflow_id": %s,
                  "message": {"type": "string", "minLength": 1, "maxLength": 100000},
                  "session_id": %s, "user_id": %s, "wait_seconds": %s}}"""
                .formatted(Schemas.id("Agent to run."), Schemas.id("Team to run."), Schemas.id("Workflow to run."),
                        Schemas.id("Continue this session."), Schemas.USER_ID,
                        Schemas.integer(0, LatestTrace.MAX_WAIT_SECONDS, DEFAULT_WAIT, "Wait for the trace."));
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["target", "run"], "properties": {
                  "target": {"type": "object"},
                  "run": {"type": "object", "required": ["status"], "properties": {
                    "run_id": {"type": "string"}, "session_id": {"type": "string"}, "status": {"type": "string"},
                    "output": {"type": "string"}, "output_truncated": {"type": "boolean"}, "error": {"type": "string"},
                    "error_type": {"type": "string"}, "metrics": {"type": "object"}, "events": {"type": "integer"},
                    "model_calls": {"type": "integer"}, "tools": {"type": "array", "items": {"type": "string"}},
                    "steps": {"type": "array", "items": {"type": "string"}}}},
                  "trace": {"type": "object", "properties": {"trace_id": {"type": "string"}, "status": {"type": "string"},
                    "duration_ms": {"type": "number"}, "total_spans": {"type": "integer"},
                    "error_count": {"type": "integer"}, "verdict": {"type": "string"}}},
                  "trace_note": {"type": "string"}}}""";
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        Catalog.Component target = target(client, a);
        AgentOsClient.RunRequest req = new AgentOsClient.RunRequest(a.string("message"), a.string("session_id"),
                a.string("user_id"));
        int wait = a.integer("wait_seconds", DEFAULT_WAIT, 0, LatestTrace.MAX_WAIT_SECONDS);
        long[] n = {0};
        RunAgent.Result r = RunAgent.run(client, target, req, wait, clock, sleeper, a.control(),
                e -> a.control().event(++n[0], describe(e)));
        return ok(RunView.text(r, Hints.MCP), RunView.structured(r));
    }

    static Catalog.Component target(AgentOsClient client, ToolArgs a) {
        String agent = a.string("agent_id");
        String team = a.string("team_id");
        String workflow = a.string("workflow_id");
        int given = (agent != null ? 1 : 0) + (team != null ? 1 : 0) + (workflow != null ? 1 : 0);
        if (given != 1) {
            throw new ArgumentException("Give exactly one of agent_id, team_id or workflow_id (list_agents shows them).");
        }
        return agent != null ? Discovery.resolve(client, agent, Catalog.Kind.AGENT)
                : team != null ? Discovery.resolve(client, team, Catalog.Kind.TEAM)
                : Discovery.resolve(client, workflow, Catalog.Kind.WORKFLOW);
    }

    /** One short line per event: what a person watching the run wants to see. */
    static String describe(RunEvent e) {
        StringBuilder b = new StringBuilder(e.event());
        if (e.toolName() != null) {
            b.append(' ').append(e.toolName());
            if (e.toolArgs() != null && e.event().endsWith("Started")) {
                b.append(e.toolArgs().length() > 120 ? e.toolArgs().substring(0, 120) + "…" : e.toolArgs());
            }
            if (Boolean.TRUE.equals(e.toolFailed())) {
                b.append(" (failed)");
            }
        } else if (e.stepName() != null) {
            b.append(' ').append(e.stepName());
        } else if (e.model() != null && e.event().endsWith("Started")) {
            b.append(' ').append(e.model());
        }
        if (e.terminalStatus() != null && e.terminalStatus().equals("ERROR") && e.content() != null) {
            b.append(": ").append(e.content().length() > 200 ? e.content().substring(0, 200) + "…" : e.content());
        }
        return b.toString();
    }
}
