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
import java.util.Map;

/**
 * {@code run_agent}: runs an agent, team or workflow, streaming its events as progress, then waits for its trace.
 * Offered only with {@code --allow-runs} (its registry line says it writes): it has side effects and costs money.
 */
final class RunAgentTool extends AgentOsTool {

    static final int DEFAULT_WAIT = 30;
    static final Param<String> MESSAGE = Param.id("message", null);
    static final Param<Integer> WAIT_SECONDS = Param.integer("wait_seconds", 0, LatestTrace.MAX_WAIT_SECONDS,
            DEFAULT_WAIT, "for its trace");
    static final FilterParams WHO = new FilterParams(FilterParams.AGENT_ID, FilterParams.TEAM_ID, FilterParams.WORKFLOW_ID);
    private static final Map<String, Object> OUTPUT = Schema.object()
            .required("target", Schema.object())
            .required("run", Schema.row("status"))
            .optional("trace", Schema.row("trace_id"))
            .optional("trace_note", Schema.string()).map();

    private final Clock clock;
    private final LatestTrace.Sleeper sleeper;

    RunAgentTool(ToolRegistry.Context c) {
        this(c, LatestTrace.Sleeper.REAL);
    }

    RunAgentTool(ToolRegistry.Context c, LatestTrace.Sleeper sleeper) {
        super(c);
        this.clock = c.clock();
        this.sleeper = sleeper;
    }

    @Override
    String title() {
        return "Run an agent, team or workflow";
    }

    @Override
    String description() {
        return "Runs an agent, team or workflow with a message (side effects, costs tokens); returns status, output, "
                + "metrics, trace summary.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(WHO, MESSAGE, FilterParams.SESSION_ID, FilterParams.USER_ID, WAIT_SECONDS);
    }

    @Override
    Map<String, Object> outputSchema() {
        return OUTPUT;
    }

    /** The output is cut at 2,000 chars; the trace (get_trace) holds all of it. */
    @Override
    Map<String, String> cuts() {
        return Map.of("run.output_truncated", "");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        Catalog.Component target = target(client, a);
        String message = MESSAGE.read(a);
        if (message == null) {
            throw new ArgumentException("message is required: what to send to the " + target.kind().label() + ".");
        }
        AgentOsClient.RunRequest req = new AgentOsClient.RunRequest(message, FilterParams.SESSION_ID.read(a),
                FilterParams.USER_ID.read(a));
        long[] n = {0};
        RunAgent.Result r = RunAgent.run(client, target, req, WAIT_SECONDS.read(a), clock, sleeper, a.control(),
                e -> a.control().event(++n[0], describe(e)));
        return ok(RunView.text(r, Hints.MCP), RunView.structured(r));
    }

    static Catalog.Component target(AgentOsClient client, ToolArgs a) {
        String agent = FilterParams.AGENT_ID.read(a);
        String team = FilterParams.TEAM_ID.read(a);
        String workflow = FilterParams.WORKFLOW_ID.read(a);
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
