package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.TraceRules;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.query.CheckTraces;
import dev.agentos.traces.render.CheckView;
import dev.agentos.traces.render.Style;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** {@code check_traces}: assertions over traces (failed spans, tokens, duration, tools, models, output, cost). */
final class CheckTracesTool extends AgentOsTool {

    /** Every rule by its name, each with the type of its value; lists for the rules that repeat. */
    static final Param<Object> RULES = Param.raw("rules", rules());
    static final Param<String> TRACE_ID = Param.id("trace_id", null);
    static final Param<String> RUN_ID = Param.id("run_id", null);
    static final Param<String> LATEST = Param.id("latest", "newest trace of this agent/team/workflow");
    static final Param<Integer> LIMIT = Param.integer("limit", 1, CheckTraces.MAX_LIMIT, CheckTraces.DEFAULT_LIMIT,
            "with filters");
    private static final Map<String, Object> OUTPUT = Schema.object()
            .required(Schema.bool(), "passed").required(Schema.integer(), "failed", "total")
            .required("results", Schema.array(Schema.row("rule", "passed", "observed", "limit")))
            .optional("traces", Schema.array(Schema.string())).optional(Schema.integer(), "matching", "results_omitted")
            .optional("truncated", Schema.bool()).map();

    private final Clock clock;

    CheckTracesTool(ToolRegistry.Context c) {
        super(c);
        this.clock = c.clock();
    }

    private static Schema rules() {
        Schema s = Schema.object().description("e.g. {\"no_failed_spans\":true,\"max_tokens\":5000}; "
                + "tool_called: name or name(arg=value)");
        for (TraceRules.Type t : TraceRules.Type.values()) {
            Schema v = switch (t) {
                case NO_FAILED_SPANS -> Schema.bool();
                case STATUS -> Schema.oneOf("OK", "ERROR");
                case MAX_DURATION -> Schema.string();
                case MAX_COST -> Schema.number();
                default -> t.repeatable() ? Schema.array(Schema.string()) : Schema.integer();
            };
            s.optional(t.key, v);
        }
        return s;
    }

    @Override
    String title() {
        return "Check traces";
    }

    @Override
    String description() {
        return "Pass/fail per rule (failed spans, tokens, duration, LLM calls, tools, models, output, cost) on a trace, "
                + "a run, the latest run of an agent/team/workflow or traces matching filters.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(RULES, TRACE_ID, RUN_ID, LATEST, FilterParams.SCAN, LIMIT);
    }

    @Override
    Map<String, Object> outputSchema() {
        return OUTPUT;
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("truncated", "limit", "results_omitted", "");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        if (!(RULES.read(a) instanceof Map<?, ?> rules) || rules.isEmpty()) {
            throw new ArgumentException("rules must be an object such as {\"no_failed_spans\": true, \"max_tokens\": 5000}.");
        }
        List<TraceRules.Rule> list = TraceRules.fromMap(rules);
        CheckTraces.Target t = new CheckTraces.Target(TRACE_ID.read(a), RUN_ID.read(a), LATEST.read(a),
                FilterParams.SCAN.read(a), LIMIT.read(a));
        CheckTraces.Result r = CheckTraces.run(client, t, list, clock, a.control());
        return ok(CheckView.text(r, Style.PLAIN), CheckView.structured(r, CheckView.MAX_RESULTS));
    }
}
