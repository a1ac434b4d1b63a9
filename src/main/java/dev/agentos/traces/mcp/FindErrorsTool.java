package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.ErrorGroups;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.query.TraceSource;
import dev.agentos.traces.render.ErrorsView;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.ScanView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.function.Supplier;

/** {@code find_errors}: failures across traces, grouped by cause. */
final class FindErrorsTool extends AgentOsTool {

    FindErrorsTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "find_errors";
    }

    @Override
    String title() {
        return "Find failures across traces";
    }

    @Override
    String description() {
        return "Which tool or step keeps failing, and how. Groups every failed span by what failed (tool name, or span "
                + "type and name) and the shape of its error message, with counts, first/last seen and example trace ids. "
                + "Includes runs whose status says OK but whose error_count > 0, failed runs, and LLM calls that failed "
                + "silently. " + ScanArgs.DESCRIPTION;
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {%s,
                  "max_groups": %s}}"""
                .formatted(ScanArgs.PROPERTIES, Schemas.integer(1, ErrorsView.MAX_MAX_GROUPS, ErrorsView.DEFAULT_MAX_GROUPS,
                        "Most causes to list; counts always cover every failure."));
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["failed_spans", "traces_with_errors", "traces_scanned", "groups", "scan"],
                 "properties": {
                   "failed_spans": {"type": "integer"}, "traces_with_errors": {"type": "integer"},
                   "ok_status_traces_with_errors": {"type": "integer"}, "traces_scanned": {"type": "integer"},
                   "silent_llm_failures": {"type": "integer"}, "failed_runs": {"type": "integer"},
                   "cause_count": {"type": "integer"}, "groups_omitted": {"type": "integer"},
                   "groups": {"type": "array", "items": {"type": "object", "required": ["kind", "what", "count"],
                     "properties": {"kind": {"type": "string", "enum": ["span", "run", "silent_llm"]},
                       "what": {"type": "string"}, "error_pattern": {"type": "string"}, "example_error": {"type": "string"},
                       "count": {"type": "integer"}, "trace_count": {"type": "integer"},
                       "ok_status_traces": {"type": "integer"}, "first_seen": {"type": "string"},
                       "last_seen": {"type": "string"}, "example_trace_ids": {"type": "array", "items": {"type": "string"}},
                       "example_span_id": {"type": "string"}}}},
                   "scan": %s}}""".formatted(ScanView.SCHEMA);
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        TraceFilter f = ScanArgs.filter(a);
        int max = ScanArgs.maxTraces(a);
        int groups = a.integer("max_groups", ErrorsView.DEFAULT_MAX_GROUPS, 1, ErrorsView.MAX_MAX_GROUPS);
        ErrorGroups errors = new ErrorGroups();
        TraceScan.Stats s = TraceSource.of(client).scanForErrors(f, max, a.now(), a.control(), errors::add);
        ErrorGroups.Result r = errors.result();
        return ok(ErrorsView.text(r, s, f, groups, Hints.MCP), ErrorsView.structured(r, s, f, groups));
    }
}
