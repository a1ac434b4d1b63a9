package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.TraceDiff;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.render.CompareView;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.TimeSplitView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.function.Supplier;

/** {@code compare_traces}: what changed between two runs. */
final class CompareTracesTool extends AgentOsTool {

    CompareTracesTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "compare_traces";
    }

    @Override
    String title() {
        return "Compare two traces";
    }

    @Override
    String description() {
        return "What changed between two runs (A, then B; e.g. a good run and a bad one): shape, failures, duration, time "
                + "split, tokens, then the spans that differ, matched by type and name (stream/async variants alike): "
                + "spans only in A or B, status, error, tool args, output, tokens, durations changed by 20% and 5 ms. "
                + "Give each trace by id (trace_id_a/trace_id_b) or run id (run_id_a/run_id_b).";
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "trace_id_a": %s, "run_id_a": %s, "trace_id_b": %s, "run_id_b": %s, "db_id": %s,
                  "max_rows": %s}}"""
                .formatted(Schemas.id("Trace A (the baseline): its id."), Schemas.id("Trace A: the run id it records."),
                        Schemas.id("Trace B (the one to explain): its id."), Schemas.id("Trace B: the run id it records."),
                        Schemas.DB_ID, Schemas.integer(1, CompareView.MAX_MAX_ROWS, CompareView.DEFAULT_MAX_ROWS,
                                "Most differing spans to list."));
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["a", "b", "differences", "difference_count", "alike"], "properties": {
                   "a": %1$s, "b": %1$s, "same_shape": {"type": "boolean"}, "duration_delta_ms": {"type": "number"},
                   "input_differs": {"type": "boolean"}, "output_differs": {"type": "boolean"},
                   "differences": {"type": "array", "items": {"type": "object", "required": ["path", "changes"],
                     "properties": {"path": {"type": "string"}, "type": {"type": "string"}, "name": {"type": "string"},
                       "changes": {"type": "array", "items": {"type": "string",
                         "enum": ["added", "removed", "status", "error", "args", "output", "tokens", "duration"]}},
                       "span_id_a": {"type": "string"}, "span_id_b": {"type": "string"},
                       "duration_ms_a": {"type": "number"}, "duration_ms_b": {"type": "number"},
                       "status_a": {"type": "string"}, "status_b": {"type": "string"},
                       "tokens_a": {"type": "integer"}, "tokens_b": {"type": "integer"},
                       "args_a": {"type": "string"}, "args_b": {"type": "string"},
                       "output_a": {"type": "string"}, "output_b": {"type": "string"},
                       "error_a": {"type": "string"}, "error_b": {"type": "string"}, "inside": {"type": "integer"}}}},
                   "difference_count": {"type": "integer"}, "differences_omitted": {"type": "integer"},
                   "alike": {"type": "integer"}}}""".formatted("""
                {"type": "object", "properties": {"trace_id": {"type": "string"}, "name": {"type": "string"},
                  "run_id": {"type": "string"}, "status": {"type": "string"}, "error_count": {"type": "integer"},
                  "duration_ms": {"type": "number"}, "spans": {"type": "integer"},
                  "input_tokens": {"type": "integer"}, "output_tokens": {"type": "integer"}, "split": %s}}"""
                .formatted(TimeSplitView.SCHEMA));
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        String ta = a.string("trace_id_a");
        String ra = a.string("run_id_a");
        String tb = a.string("trace_id_b");
        String rb = a.string("run_id_b");
        if (ta == null && ra == null || tb == null && rb == null) {
            throw new ArgumentException("Give both traces: trace_id_a (or run_id_a) and trace_id_b (or run_id_b).");
        }
        int rows = a.integer("max_rows", CompareView.DEFAULT_MAX_ROWS, 1, CompareView.MAX_MAX_ROWS);
        String db = a.string("db_id");
        TraceDetail da = FindTrace.byIdOrRun(client, ta, ra, db);
        TraceDetail dbb = FindTrace.byIdOrRun(client, tb, rb, db);
        TraceDiff.Result r = TraceDiff.of(da, dbb);
        return ok(CompareView.text(r, rows, Hints.MCP), CompareView.structured(r, rows));
    }
}
