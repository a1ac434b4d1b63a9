package dev.agentos.traces.render;

import dev.agentos.traces.client.TraceNode;
import java.util.Map;

/**
 * {@code get_trace} with {@code span_id}: one span with its input and output, each shown as a window
 * of {@code maxChars} from {@code offset}, with the offset to read on.
 */
public final class SpanView {

    public static final int DEFAULT_MAX_CHARS = 4000;
    public static final int MAX_MAX_CHARS = 50_000;

    private SpanView() {
    }

    public record Window(String text, int offset, int length, int totalChars, Integer nextOffset) {
    }

    public static Window window(String s, int offset, int maxChars) {
        if (s == null) {
            return null;
        }
        int from = Math.min(offset, s.length());
        int to = (int) Math.min(s.length(), (long) from + maxChars);
        return new Window(s.substring(from, to), from, to - from, s.length(), to < s.length() ? to : null);
    }

    public static String text(String traceId, TraceNode n, int offset, int maxChars) {
        return text(traceId, n, offset, maxChars, Hints.MCP);
    }

    public static String text(String traceId, TraceNode n, int offset, int maxChars, Hints hints) {
        StringBuilder b = new StringBuilder();
        b.append("Span ").append(n.id()).append(" of trace ").append(traceId).append('\n');
        b.append(TraceView.spanLine(n)).append('\n');
        b.append(Text.time(n.startTime())).append(" → ").append(Text.time(n.endTime())).append('\n');
        if (n.isTool() && n.metadata().get("parameters") != null) {
            b.append("parameters: ").append(Text.line(String.valueOf(n.metadata().get("parameters")), 2000)).append('\n');
        }
        if (n.runId() != null) {
            b.append("run_id: ").append(n.runId()).append('\n');
        }
        if (n.error() != null) {
            b.append("error: ").append(n.error()).append('\n');
        }
        appendWindow(b, "input", window(n.input(), offset, maxChars), traceId, n.id(), hints);
        appendWindow(b, "output", window(n.output(), offset, maxChars), traceId, n.id(), hints);
        return b.toString().stripTrailing();
    }

    private static void appendWindow(StringBuilder b, String label, Window w, String traceId, String spanId, Hints hints) {
        if (w == null) {
            b.append(label).append(": (none)\n");
            return;
        }
        b.append(label).append(" (chars ").append(w.offset()).append('-').append(w.offset() + w.length())
                .append(" of ").append(w.totalChars()).append("):\n").append(w.text()).append('\n');
        if (w.nextOffset() != null) {
            b.append(hints.readOn(label, w.totalChars() - w.nextOffset(), traceId, spanId, w.nextOffset())).append('\n');
        }
    }

    public static Map<String, Object> structured(String traceId, TraceNode n, int offset, int maxChars) {
        Fields f = TraceView.spanFields(n, null, -1, 0).put("trace_id", traceId).put("run_id", n.runId());
        Object params = n.metadata().get("parameters");
        f.put("parameters", params == null ? null : Text.line(String.valueOf(params), 2000));
        f.put("input", windowFields(window(n.input(), offset, maxChars)));
        f.put("output", windowFields(window(n.output(), offset, maxChars)));
        return f.map();
    }

    private static Map<String, Object> windowFields(Window w) {
        if (w == null) {
            return null;
        }
        return Fields.of().put("text", w.text()).put("offset", w.offset()).put("total_chars", w.totalChars())
                .put("next_offset", w.nextOffset()).map();
    }
}
