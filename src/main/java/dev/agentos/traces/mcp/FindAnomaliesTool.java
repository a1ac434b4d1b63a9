package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.PeriodQueries;
import dev.agentos.traces.query.PeriodScan;
import dev.agentos.traces.render.AnomaliesView;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.ScanView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.function.Supplier;

/** {@code find_anomalies}: runs far from their agent's baseline, and errors, tools and models new in the window. */
final class FindAnomaliesTool extends AgentOsTool {

    FindAnomaliesTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "find_anomalies";
    }

    @Override
    String title() {
        return "Find unusual runs";
    }

    @Override
    String description() {
        return "Runs in a window (default last 24h) far from their agent/team/workflow's baseline (default the 7 days "
                + "before) in tokens, duration, LLM or tool calls; tools failing more often; new error shapes, tools, models.";
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {%s,
                  "baseline_start": %s, "baseline_end": %s, "max_runs": %s}}"""
                .formatted(ScanArgs.PROPERTIES, PeriodArgs.BASELINE_START, PeriodArgs.BASELINE_END,
                        Schemas.integer(1, AnomaliesView.MAX_MAX_RUNS, AnomaliesView.DEFAULT_MAX_RUNS, "Most runs to list."));
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["baseline_runs", "window_runs", "flagged_total", "flagged", "groups"],
                 "properties": {"baseline_rule": {"type": "string"}, "baseline_runs": {"type": "integer"},
                   "window_runs": {"type": "integer"}, "flagged_total": {"type": "integer"}, "flagged_omitted": {"type": "integer"},
                   "flagged": {"type": "array", "items": {"type": "object", "required": ["trace_id", "component", "metrics"],
                     "properties": {"trace_id": {"type": "string"}, "component": {"type": "string"},
                       "start_time": {"type": "string"}, "metrics": {"type": "array", "items": {"type": "object",
                         "properties": {"metric": {"type": "string"}, "value": {"type": "number"},
                           "baseline_median": {"type": "number"}, "baseline_mad": {"type": "number"},
                           "z": {"type": "number"}, "ratio": {"type": "number"}}}}}}},
                   "groups": {"type": "array", "items": {"type": "object"}},
                   "failing_tools": {"type": "array", "items": {"type": "object"}},
                   "new_errors": {"type": "array", "items": {"type": "object"}},
                   "new_models": {"type": "array", "items": {"type": "object"}},
                   "new_tools": {"type": "array", "items": {"type": "object"}},
                   "method": {"type": "string"}, "baseline": %s, "window": %s}}""".formatted(ScanView.SCHEMA, ScanView.SCHEMA);
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        PeriodScan.Periods p = PeriodArgs.periods(a, PeriodScan.ANOMALY_BASELINE);
        int maxRuns = a.integer("max_runs", AnomaliesView.DEFAULT_MAX_RUNS, 1, AnomaliesView.MAX_MAX_RUNS);
        PeriodQueries.AnomalyAnswer r = PeriodQueries.anomalies(client, p, ScanArgs.maxTraces(a), a.now(), a.control());
        return ok(AnomaliesView.text(r.result(), p, r.scans(), maxRuns, Hints.MCP),
                AnomaliesView.structured(r.result(), p, r.scans(), maxRuns));
    }
}
