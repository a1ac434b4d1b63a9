package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.PeriodQueries;
import dev.agentos.traces.query.PeriodScan;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.ScanView;
import dev.agentos.traces.render.TrendView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** {@code compare_periods}: a window against the period before it, per agent/team/workflow and per model. */
final class ComparePeriodsTool extends AgentOsTool {

    ComparePeriodsTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "compare_periods";
    }

    @Override
    String title() {
        return "Compare two periods";
    }

    @Override
    String description() {
        return "A window (default last 24h) vs a baseline (default the same length before it), per agent/team/workflow "
                + "and model: runs, tokens/run p50/p95, total tokens, estimated cost, duration p50/p95, error rate; "
                + "changes of 20% or more marked.";
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {%s,
                  "baseline_start": %s, "baseline_end": %s,
                  "group_by": {"type": "string", "enum": ["day"], "description": "Add a daily series."}}}"""
                .formatted(ScanArgs.PROPERTIES, PeriodArgs.BASELINE_START, PeriodArgs.BASELINE_END);
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["total", "components", "models"],
                 "properties": {"baseline_rule": {"type": "string"}, "threshold_pct": {"type": "integer"},
                   "total": {"type": "object"}, "components": {"type": "array", "items": {"type": "object"}},
                   "components_omitted": {"type": "integer"}, "models": {"type": "array", "items": {"type": "object"}},
                   "models_omitted": {"type": "integer"}, "days": {"type": "array", "items": {"type": "object"}},
                   "currency": {"type": "string"}, "pricing_source": {"type": "string"},
                   "baseline": %s, "window": %s}}""".formatted(ScanView.SCHEMA, ScanView.SCHEMA);
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        PeriodScan.Periods p = PeriodArgs.periods(a, null);
        boolean byDay = "day".equals(a.oneOf("group_by", null, List.of("day")));
        PeriodQueries.TrendAnswer r = PeriodQueries.trend(client, p, ScanArgs.maxTraces(a), byDay, a.now(), a.control());
        TrendView.Trend t = TrendView.Trend.of(r, byDay);
        return ok(TrendView.text(t, Hints.MCP, false, true), TrendView.structured(t));
    }
}
