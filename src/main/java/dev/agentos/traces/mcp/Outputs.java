package dev.agentos.traces.mcp;

import static dev.agentos.traces.mcp.Schema.array;
import static dev.agentos.traces.mcp.Schema.bool;
import static dev.agentos.traces.mcp.Schema.integer;
import static dev.agentos.traces.mcp.Schema.number;
import static dev.agentos.traces.mcp.Schema.object;
import static dev.agentos.traces.mcp.Schema.row;
import static dev.agentos.traces.mcp.Schema.string;

/**
 * Output shapes several tools share. Top-level fields with their types, nested rows with their required
 * fields; the text answer shows the rest, and every byte here is paid in every conversation.
 */
final class Outputs {

    private Outputs() {
    }

    /** A page of traces (list_traces, search_traces). */
    static Schema tracePage() {
        return object().required("traces", array(row("trace_id", "status", "error_count", "total_spans", "duration_ms")))
                .required(integer(), "page", "limit", "total_count", "total_pages").required("has_next", bool());
    }

    static final Schema MODEL_TOKENS = array(row("model", "input_tokens", "output_tokens", "total_tokens"));

    /** Where a span's wall time went: LLM calls, tool calls, the rest (TimeSplitView). */
    static final Schema SPLIT = row("ms", "llm_ms", "tool_ms", "other_ms");

    /** How much a scan read. */
    static final Schema SCAN = row("traces_read", "traces_matching", "truncated");

    /** get_trace's and latest_trace's answer. */
    static final Schema TRACE = object().required("trace_id", string())
            .optional(string(), "status", "verdict").optional("duration_ms", number()).optional("error_count", integer())
            .optional("spans", array(row("span_id", "type", "name", "status", "duration_ms")));
}
