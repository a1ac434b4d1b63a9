package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.render.SpanView;
import dev.agentos.traces.render.TraceView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;

/** {@code get_trace}: a trace as a span tree, or one span with its input and output. */
final class GetTraceTool extends AgentOsTool {

    static final Param<String> TRACE_ID = Param.id("trace_id", null);
    static final Param<String> RUN_ID = Param.id("run_id", "Or its run's id");
    static final Param<String> SPAN_ID = Param.id("span_id", "One span in full ([id] in the tree)");
    static final Param<Integer> MAX_SPANS = Param.integer("max_spans", 1, TraceView.MAX_MAX_SPANS,
            TraceView.DEFAULT_MAX_SPANS, null);
    static final Param<String> DETAIL = Param.oneOf("detail", List.of("summary", "tree", "full"), "tree",
            "summary: verdict, totals, failures; full: with inputs/outputs");
    static final Param<Integer> IO_CHARS = Param.integer("io_chars", 1, 5000, 300, null);
    static final Param<Integer> OFFSET = Param.integer("offset", 0, 1_000_000_000, 0, null);
    static final Param<Integer> MAX_CHARS = Param.integer("max_chars", 1, SpanView.MAX_MAX_CHARS,
            SpanView.DEFAULT_MAX_CHARS, null);

    GetTraceTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Get a trace";
    }

    @Override
    String description() {
        return "One trace as a span tree: durations, tokens, errors, verdict (OK traces can hide a failed tool). "
                + "span_id: one span's input/output.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(TRACE_ID, RUN_ID, DETAIL, SPAN_ID, FilterParams.DB_ID, MAX_SPANS, IO_CHARS, OFFSET,
                MAX_CHARS);
    }

    /** MCP Apps hosts draw the result as a waterfall (resource {@value TraceResources#WATERFALL}). */
    @Override
    Map<String, Object> meta() {
        return TraceResources.WATERFALL_META;
    }

    @Override
    Map<String, Object> outputSchema() {
        return Outputs.TRACE.map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("spans_omitted", "max_spans", "next_offset", "offset");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        String spanId = SPAN_ID.read(a);
        String db = FilterParams.DB_ID.read(a);
        String traceId = TRACE_ID.read(a);
        String runId = RUN_ID.read(a);
        if (spanId != null) {
            if (traceId == null && runId == null) {
                throw new ArgumentException("span_id needs the trace_id (or run_id) it belongs to.");
            }
            String id = FindTrace.traceId(client, traceId, runId, db);
            int offset = OFFSET.read(a);
            int maxChars = MAX_CHARS.read(a);
            TraceNode span = client.getSpan(id, spanId, db);
            return ok(SpanView.text(id, span, offset, maxChars), SpanView.structured(id, span, offset, maxChars));
        }
        TraceDetail d = FindTrace.byIdOrRun(client, traceId, runId, db);
        String detail = DETAIL.read(a);
        TraceView.Options o = new TraceView.Options(MAX_SPANS.read(a), detail.equals("full") ? IO_CHARS.read(a) : 0,
                detail.equals("summary"));
        return ok(TraceView.text(d, o), TraceView.structured(d, o));
    }
}
