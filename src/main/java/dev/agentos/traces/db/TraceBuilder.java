package dev.agentos.traces.db;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A trace as AgentOS's {@code GET /traces/{id}} would build it from the same rows (agno 2.9.0
 * {@code TraceDetail.from_trace_and_spans}), so every analysis answers the same from either source:
 * total_spans and error_count count every span row; the tree holds the spans reachable from a root
 * (a span whose parent is missing is left out, as the API leaves it out); each root node takes its
 * times and duration from the trace row and carries the token totals of all LLM spans; node types are
 * the API's (CHAIN → WORKFLOW, AGENT with a team id → TEAM). Lean: span inputs are not read, and a span's
 * output is only known to be present (empty text stands for it); the trace's own output and error are exact.
 */
final class TraceBuilder {

    private static final Comparator<SpanRow> BY_START = Comparator.comparing(SpanRow::start,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private TraceBuilder() {
    }

    /** One {@code agno_traces} row. */
    record TraceRow(String traceId, String name, String status, String startText, String endText, Object durationMs,
            String runId, String sessionId, String userId, String agentId, String teamId, String workflowId,
            String createdText) {
    }

    /**
     * @param spans the trace's span rows, in the database's order
     * @param outputOf reads one span's {@code output.value} (the workflow fallback: the last step's output)
     */
    static TraceDetail build(TraceRow t, List<SpanRow> spans, Function<String, String> outputOf) {
        int errors = 0;
        long totalIn = 0;
        long totalOut = 0;
        SpanRow rootSpan = null;
        Map<String, List<SpanRow>> children = new HashMap<>();
        List<SpanRow> roots = new ArrayList<>();
        for (SpanRow s : spans) {
            if ("ERROR".equals(s.statusCode())) {
                errors++;
            }
            if ("LLM".equals(s.kind())) {
                totalIn += sumPart(s.promptTokens());
                totalOut += sumPart(s.completionTokens());
            }
            if (s.parentSpanId() == null) {
                roots.add(s);
            } else {
                children.computeIfAbsent(s.parentSpanId(), k -> new ArrayList<>()).add(s);
            }
            if (rootSpan == null && (s.parentSpanId() == null || s.parentSpanId().isEmpty())) {
                rootSpan = s;
            }
        }
        String output = null;
        String error = null;
        if (rootSpan != null) {
            if ("ERROR".equals(t.status()) || "ERROR".equals(rootSpan.statusCode())) {
                error = truthy(rootSpan.statusMessage()) ? rootSpan.statusMessage() : rootSpan.exceptionMessage();
            } else {
                output = rootSpan.rootOutput();
                if ("CHAIN".equals(rootSpan.kind()) && (output == null || output.isEmpty() || output.equals("None"))) {
                    SpanRow last = null;
                    for (SpanRow c : children.getOrDefault(rootSpan.spanId(), List.of())) {
                        if (last == null || c.end() != null && (last.end() == null || c.end().isAfter(last.end()))) {
                            last = c;
                        }
                    }
                    if (last != null) {
                        output = outputOf.apply(last.spanId());
                    }
                }
            }
        }
        Instant start = DbText.instant(t.startText());
        Instant end = DbText.instant(t.endText());
        String duration = DbText.duration(t.durationMs());
        Map<String, Object> totals = new LinkedHashMap<>();
        if (totalIn > 0) {
            totals.put("total_input_tokens", totalIn);
        }
        if (totalOut > 0) {
            totals.put("total_output_tokens", totalOut);
        }
        roots.sort(BY_START);
        children.values().forEach(l -> l.sort(BY_START));
        List<TraceNode> tree = new ArrayList<>(roots.size());
        for (SpanRow r : roots) {
            tree.add(new TraceNode(r.spanId(), r.name(), type(r), r.statusCode(), duration, start, end, null, null, null,
                    null, totals, kids(r, children, 0)));
        }
        return new TraceDetail(summary(t, spans.size(), errors), output, error, tree);
    }

    /** TraceSummary.from_trace, without the root's input (scans do not read it). */
    static TraceSummary summary(TraceRow t, int totalSpans, int errorCount) {
        return new TraceSummary(t.traceId(), t.name(), t.status(), DbText.duration(t.durationMs()),
                DbText.instant(t.startText()), DbText.instant(t.endText()), totalSpans, errorCount, null, t.runId(),
                t.sessionId(), t.userId(), t.agentId(), t.teamId(), t.workflowId(), DbText.instant(t.createdText()));
    }

    /**
     * An LLM span's token count as {@link TraceNode#inputTokens()} reads it from the API's metadata: present
     * only when truthy, then a non-negative whole number (or its text), else null.
     */
    static Long tokens(Object v) {
        return truthy(v) ? TraceNode.tokenCount(v) : null;
    }

    /** A token count that is there but refused as impossible (negative, fractional, past TraceNode.MAX_TOKENS). */
    static boolean refused(Object v) {
        return truthy(v) && !(v instanceof String s && s.isBlank()) && TraceNode.tokenCount(v) == null;
    }

    private static List<TraceNode> kids(SpanRow parent, Map<String, List<SpanRow>> children, int depth) {
        List<SpanRow> rows = children.get(parent.spanId());
        if (rows == null || depth > 10_000) {
            return List.of();
        }
        List<TraceNode> out = new ArrayList<>(rows.size());
        for (SpanRow s : rows) {
            out.add(node(s, kids(s, children, depth + 1)));
        }
        return out;
    }

    /** {@code TraceNode.from_span}: metadata by raw kind, output dropped and error set when the span failed. */
    private static TraceNode node(SpanRow s, List<TraceNode> spans) {
        boolean failed = "ERROR".equals(s.statusCode());
        Map<String, Object> md = new LinkedHashMap<>();
        if ("LLM".equals(s.kind())) {
            putTruthy(md, "model", s.model());
            putTruthy(md, "input_tokens", s.promptTokens());
            putTruthy(md, "output_tokens", s.completionTokens());
        } else if ("TOOL".equals(s.kind())) {
            putTruthy(md, "tool_name", s.toolName());
        }
        String error = failed ? (truthy(s.statusMessage()) ? s.statusMessage() : s.exceptionMessage()) : null;
        String output = !failed && s.hasOutput() ? "" : null;
        return new TraceNode(s.spanId(), s.name(), type(s), s.statusCode(), DbText.duration(s.durationMs()), s.start(),
                s.end(), null, output, error, null, md, spans);
    }

    /** {@code _derive_span_type}. */
    static String type(SpanRow s) {
        if (s.kind() == null) {
            return "UNKNOWN";
        }
        return switch (s.kind()) {
            case "CHAIN" -> "WORKFLOW";
            case "AGENT" -> s.team() ? "TEAM" : "AGENT";
            default -> s.kind();
        };
    }

    private static void putTruthy(Map<String, Object> md, String key, Object v) {
        if (truthy(v)) {
            md.put(key, v instanceof String str ? str : v);
        }
    }

    /** Python truthiness of a JSON scalar. */
    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return true;
    }

    /** One LLM span's share of the root's token totals ({@code if tokens: total += tokens}). */
    static long sumPart(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s && !s.isEmpty()) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
