package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.render.SpanView;
import dev.agentos.traces.render.TraceView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** {@code get_trace}: a trace as a span tree, or one span with its input and output. */
final class GetTraceTool extends AgentOsTool {

    GetTraceTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "get_trace";
    }

    @Override
    String title() {
        return "Get one AgentOS trace";
    }

    @Override
    String description() {
        return "Show one trace (by trace_id, or by run_id) as an indented span tree: type (AGENT, TEAM, WORKFLOW, "
                + "LLM, TOOL), name, precise duration, status, model and tokens on LLM spans, tool name on TOOL "
                + "spans, and every error in full, with a one-line verdict of what failed (a trace can say OK while "
                + "a tool failed). Span inputs/outputs are left out unless include_io is true (LLM inputs are whole "
                + "prompts). With span_id it returns that one span with its input and output, max_chars at a time "
                + "from offset.";
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "trace_id": %s, "run_id": %s,
                  "span_id": {"type": "string", "minLength": 1, "maxLength": 256, "description": "Return only this span (16 hex chars, shown in [brackets] in the tree), with its input and output."},
                  "db_id": %s,
                  "max_spans": %s,
                  "include_io": {"type": "boolean", "default": false, "description": "Show each span's input and output, cut to io_chars."},
                  "io_chars": %s,
                  "offset": {"type": "integer", "minimum": 0, "maximum": 1000000000, "default": 0, "description": "With span_id: first character of input/output to show."},
                  "max_chars": %s}}"""
                .formatted(Schemas.id("Trace id (32 hex chars) from list_traces."),
                        Schemas.id("Run id; the trace of that run is shown. Give trace_id or run_id."),
                        Schemas.DB_ID,
                        Schemas.integer(1, TraceView.MAX_MAX_SPANS, TraceView.DEFAULT_MAX_SPANS, "Most spans to show in the tree."),
                        Schemas.integer(1, 5000, 300, "With include_io: most characters of each span's input and output."),
                        Schemas.integer(1, SpanView.MAX_MAX_CHARS, SpanView.DEFAULT_MAX_CHARS, "With span_id: most characters of input and of output to show."));
    }

    /** Shared with latest_trace, which answers with the same shape. */
    static final String OUTPUT_SCHEMA = """
            {"type": "object", "required": ["trace_id"], "properties": {
              "trace_id": {"type": "string"}, "span_id": {"type": "string"}, "name": {"type": "string"},
              "type": {"type": "string"}, "status": {"type": "string"},
              "duration_ms": {"type": "number"}, "start_time": {"type": "string"}, "end_time": {"type": "string"},
              "error_count": {"type": "integer"}, "total_spans": {"type": "integer"},
              "run_id": {"type": "string"}, "session_id": {"type": "string"}, "user_id": {"type": "string"},
              "agent_id": {"type": "string"}, "team_id": {"type": "string"}, "workflow_id": {"type": "string"},
              "input": {}, "output": {}, "error": {"type": "string"}, "verdict": {"type": "string"},
              "failures": {"type": "array", "items": {"type": "object"}},
              "tokens": {"type": "object", "properties": {"input_tokens": {"type": "integer"},
                "output_tokens": {"type": "integer"}, "total_tokens": {"type": "integer"}, "by_model": %s}},
              "spans": {"type": "array", "items": {"type": "object", "required": ["span_id", "type", "name", "status", "duration_ms"]}},
              "spans_total": {"type": "integer"}, "spans_omitted": {"type": "integer"},
              "in_progress": {"type": "boolean"}}}"""
            .formatted(Schemas.MODEL_TOKENS);

    /** MCP Apps hosts draw the result as a waterfall (resource {@value TraceResources#WATERFALL}). */
    @Override
    Map<String, Object> meta() {
        return TraceResources.WATERFALL_META;
    }

    @Override
    String outputSchema() {
        return OUTPUT_SCHEMA;
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        String spanId = a.string("span_id");
        String db = a.string("db_id");
        if (spanId != null) {
            if (a.string("trace_id") == null && a.string("run_id") == null) {
                throw new ArgumentException("span_id needs the trace_id (or run_id) it belongs to.");
            }
            String traceId = FindTrace.traceId(client, a.string("trace_id"), a.string("run_id"), db);
            int offset = a.integer("offset", 0, 0, 1_000_000_000);
            int maxChars = a.integer("max_chars", SpanView.DEFAULT_MAX_CHARS, 1, SpanView.MAX_MAX_CHARS);
            TraceNode span = client.getSpan(traceId, spanId, db);
            return ok(SpanView.text(traceId, span, offset, maxChars), SpanView.structured(traceId, span, offset, maxChars));
        }
        TraceDetail d = FindTrace.byIdOrRun(client, a.string("trace_id"), a.string("run_id"), db);
        TraceView.Options o = new TraceView.Options(
                a.integer("max_spans", TraceView.DEFAULT_MAX_SPANS, 1, TraceView.MAX_MAX_SPANS),
                a.bool("include_io", false) ? a.integer("io_chars", 300, 1, 5000) : 0);
        return ok(TraceView.text(d, o), TraceView.structured(d, o));
    }
}
