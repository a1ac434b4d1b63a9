package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.Bottlenecks;
import dev.agentos.traces.analysis.SpanLatency;
import dev.agentos.traces.analysis.TimeSplitStats;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.query.TraceSource;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.ScanView;
import dev.agentos.traces.render.SlowSpansView;
import dev.agentos.traces.render.TimeSplitView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.function.Supplier;

/** {@code slow_spans}: where the time went, in one trace or across many. */
final class SlowSpansTool extends AgentOsTool {

    SlowSpansTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "slow_spans";
    }

    @Override
    String title() {
        return "Find what is slow";
    }

    @Override
    String description() {
        return "Why a run was slow. For one trace (trace_id or run_id): its time split into LLM, tool and other (also per "
                + "step and agent), its critical path, and its slowest spans by own time. For a filter instead: "
                + "p50/p95/max duration by span type and name, and the time split by agent, team or workflow. "
                + ScanArgs.DESCRIPTION;
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "trace_id": %s, "run_id": %s, %s,
                  "top": %s}}"""
                .formatted(Schemas.id("One trace: its id (32 hex chars)."),
                        Schemas.id("One trace: the run id of the run it records."), ScanArgs.PROPERTIES,
                        Schemas.integer(1, SlowSpansView.MAX_TOP, SlowSpansView.DEFAULT_TOP, "Most rows to list."));
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["scope"], "properties": {
                   "scope": {"type": "string", "enum": ["trace", "filter"]},
                   "trace_id": {"type": "string"}, "name": {"type": "string"}, "duration_ms": {"type": "number"},
                   "span_count": {"type": "integer"}, "split": %2$s,
                   "steps": {"type": "array", "items": {"type": "object", "properties": {"span_id": {"type": "string"},
                     "name": {"type": "string"}, "type": {"type": "string"}, "split": %2$s}}},
                   "critical_path": {"type": "array", "items": {"type": "object"}},
                   "slowest": {"type": "array", "items": {"type": "object"}}, "spans_omitted": {"type": "integer"},
                   "traces": {"type": "integer"}, "spans": {"type": "integer"},
                   "by_span": {"type": "array", "items": {"type": "object", "required": ["type", "name", "count", "p50_ms", "p95_ms", "max_ms"],
                     "properties": {"type": {"type": "string"}, "name": {"type": "string"}, "count": {"type": "integer"},
                       "p50_ms": {"type": "number"}, "p95_ms": {"type": "number"}, "max_ms": {"type": "number"},
                       "total_ms": {"type": "number"}, "slowest_trace_id": {"type": "string"},
                       "slowest_span_id": {"type": "string"}}}},
                   "names_omitted": {"type": "integer"},
                   "by_runner": {"type": "array", "items": {"type": "object", "properties": {"runner": {"type": "string"},
                     "traces": {"type": "integer"}, "total": %2$s, "median": %2$s,
                     "median_trace_id": {"type": "string"}}}}, "scan": %1$s}}"""
                .formatted(ScanView.SCHEMA, TimeSplitView.SCHEMA);
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        String traceId = a.string("trace_id");
        String runId = a.string("run_id");
        int top = a.integer("top", SlowSpansView.DEFAULT_TOP, 1, SlowSpansView.MAX_TOP);
        TraceFilter f = ScanArgs.filter(a);
        if (traceId != null || runId != null) {
            if (!f.withDbId(null).equals(TraceFilter.NONE) || a.raw("max_traces") != null) {
                throw new ArgumentException("Give either trace_id/run_id (one trace) or filters (many traces), not both.");
            }
            TraceDetail d = FindTrace.byIdOrRun(client, traceId, runId, f.dbId());
            Bottlenecks.Result r = Bottlenecks.of(d);
            return ok(SlowSpansView.text(d, r, top, Hints.MCP), SlowSpansView.structured(d, r, top));
        }
        SpanLatency latency = new SpanLatency();
        TimeSplitStats splits = new TimeSplitStats();
        TraceScan.Stats s = TraceSource.of(client).scan(f, ScanArgs.maxTraces(a), a.now(), a.control(), t -> {
            latency.add(t);
            splits.add(t);
        });
        var stats = latency.result();
        var runners = splits.result();
        return ok(SlowSpansView.text(stats, latency, runners, s, f, top, Hints.MCP),
                SlowSpansView.structured(stats, latency, runners, s, f, top));
    }
}
