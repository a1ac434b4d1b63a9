package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.TraceRules;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.CheckTraces;
import dev.agentos.traces.render.CheckView;
import dev.agentos.traces.render.Style;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code check_traces}: assertions over traces (failed spans, tokens, duration, tools, models, output, cost). */
final class CheckTracesTool extends AgentOsTool {

    private final Clock clock;

    CheckTracesTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
        this.clock = clock;
    }

    @Override
    String name() {
        return "check_traces";
    }

    @Override
    String title() {
        return "Check traces against rules";
    }

    @Override
    String description() {
        return "Checks rules (failed spans, tokens, duration, LLM calls, tools, models, output, cost) on a trace, a run, "
                + "the latest run of an agent/team/workflow, or traces matching filters: pass/fail per rule and trace.";
    }

    static final String STRINGS = """
            {"type": "array", "items": {"type": "string", "minLength": 1}}""";

    static final String RULES = """
            {"type": "object", "additionalProperties": false, "minProperties": 1, "properties": {
              "no_failed_spans": {"type": "boolean"}, "status": {"type": "string", "enum": ["OK", "ERROR"]},
              "max_tokens": {"type": "integer", "minimum": 0}, "max_input_tokens": {"type": "integer", "minimum": 0},
              "max_output_tokens": {"type": "integer", "minimum": 0},
              "max_tokens_sum": {"type": "integer", "minimum": 0}, "max_input_tokens_sum": {"type": "integer", "minimum": 0},
              "max_output_tokens_sum": {"type": "integer", "minimum": 0},
              "max_duration": {"type": "string", "description": "30s, 500ms, 2m"},
              "max_llm_calls": {"type": "integer", "minimum": 0},
              "tool_called": %1$s, "tool_not_called": %1$s, "model_used": %1$s, "model_not_used": %1$s,
              "output_contains": %1$s, "output_matches": %1$s,
              "max_cost": {"type": "number", "minimum": 0, "description": "USD"}},
             "description": "tool_called items: name or name(arg=value)."}""".formatted(STRINGS);

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "required": ["rules"], "properties": {
                  "rules": %s, "trace_id": %s, "run_id": %s, "latest": %s,
                  "agent_id": %s, "team_id": %s, "workflow_id": %s, "session_id": %s, "user_id": %s,
                  "status": %s, "start_time": %s, "end_time": %s, "limit": %s, "db_id": %s}}"""
                .formatted(RULES, Schemas.id("Check this trace."), Schemas.id("Check this run's trace."),
                        Schemas.id("Check the newest trace of this agent, team or workflow."),
                        Schemas.AGENT_ID, Schemas.TEAM_ID, Schemas.WORKFLOW_ID, Schemas.SESSION_ID, Schemas.USER_ID,
                        Schemas.STATUS, Schemas.START_TIME, Schemas.END_TIME,
                        Schemas.integer(1, CheckTraces.MAX_LIMIT, CheckTraces.DEFAULT_LIMIT, "With filters: newest traces to check."),
                        Schemas.DB_ID);
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["passed", "failed", "total", "results"], "properties": {
                  "passed": {"type": "boolean"}, "failed": {"type": "integer"}, "total": {"type": "integer"},
                  "traces": {"type": "array", "items": {"type": "string"}}, "matching": {"type": "integer"},
                  "truncated": {"type": "boolean"}, "results_omitted": {"type": "integer"},
                  "results": {"type": "array", "items": {"type": "object", "required": ["rule", "passed", "observed", "limit"],
                    "properties": {"rule": {"type": "string"}, "value": {"type": "string"}, "trace_id": {"type": "string"},
                      "passed": {"type": "boolean"}, "observed": {"type": "string"}, "limit": {"type": "string"}}}}}}""";
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        if (!(a.raw("rules") instanceof Map<?, ?> rules)) {
            throw new ArgumentException("rules must be an object such as {\"no_failed_spans\": true, \"max_tokens\": 5000}.");
        }
        List<TraceRules.Rule> list = TraceRules.fromMap(rules);
        CheckTraces.Target t = new CheckTraces.Target(a.string("trace_id"), a.string("run_id"), a.string("latest"),
                new TraceFilter(null, a.string("session_id"), a.string("user_id"), a.string("agent_id"),
                        a.string("team_id"), a.string("workflow_id"), a.string("status"), a.time("start_time"),
                        a.time("end_time"), a.string("db_id")), a.integer("limit", CheckTraces.DEFAULT_LIMIT, 1, CheckTraces.MAX_LIMIT));
        CheckTraces.Result r = CheckTraces.run(client, t, list, clock, a.control());
        return ok(CheckView.text(r, Style.PLAIN), CheckView.structured(r, CheckView.MAX_RESULTS));
    }
}
