package dev.agentos.traces.render;

import dev.agentos.traces.analysis.SpanFailures;
import dev.agentos.traces.analysis.TimeSplit;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code get_trace}: header, verdict, tokens, then the span tree, one line per span, within a span
 * budget. Span inputs and outputs are left out unless asked for (LLM inputs are whole prompts), and
 * then cut to {@code ioChars}.
 */
public final class TraceView {

    public static final int DEFAULT_MAX_SPANS = 200;
    public static final int MAX_MAX_SPANS = 2000;
    static final int TRACE_IO_CHARS = 500;
    /** About 4,000 tokens: the tree stops here and says how to see the rest. */
    public static final int TEXT_BUDGET = 16_000;

    private TraceView() {
    }

    /**
     * @param ioChars 0 to leave span inputs/outputs out, else the most chars shown of each
     * @param summary only the header, verdict, tokens and the failed spans: no tree
     */
    public record Options(int maxSpans, int ioChars, boolean summary) {

        public Options(int maxSpans, int ioChars) {
            this(maxSpans, ioChars, false);
        }
    }

    public static String text(TraceDetail d, Options o) {
        return render(d, o, Hints.MCP, null).text();
    }

    public static String text(TraceDetail d, Options o, Hints hints) {
        return render(d, o, hints, null).text();
    }

    /**
     * For a terminal: the span tree drawn with {@code branches} ({@link #UNICODE_BRANCHES} or
     * {@link #ASCII_BRANCHES}) instead of indentation.
     */
    public static String text(TraceDetail d, Options o, Hints hints, String[] branches) {
        return render(d, o, hints, branches).text();
    }

    /** Tee, last, pipe, blank: {@code ├─ └─ │}. */
    public static final String[] UNICODE_BRANCHES = {"├─ ", "└─ ", "│  ", "   "};
    /** For terminals that are not UTF-8. */
    public static final String[] ASCII_BRANCHES = {"|- ", "`- ", "|  ", "   "};

    private record Rendered(String text, int spansShown) {
    }

    private static Rendered render(TraceDetail d, Options o, Hints hints, String[] branches) {
        TraceSummary s = d.summary();
        List<SpanFailures.Failure> failures = SpanFailures.of(d);
        TokenUsage tokens = TokenUsage.of(d);
        StringBuilder b = new StringBuilder();
        b.append("Trace ").append(s.traceId()).append(" | ").append(s.name()).append(" | ")
                .append(TraceListView.status(s)).append(" | ").append(Times.format(s.duration())).append(" | ")
                .append(s.totalSpans()).append(" spans\n");
        String who = TraceListView.who(s);
        if (s.runId() != null || !who.isEmpty()) {
            b.append(s.runId() == null ? "" : "run=" + s.runId() + " ").append(who).append('\n');
        }
        b.append(Text.time(s.startTime())).append(" → ").append(Text.time(s.endTime())).append('\n');
        String verdict = SpanFailures.verdict(d, failures);
        if (verdict != null) {
            b.append("! ").append(Text.line(verdict, 400)).append('\n');
        }
        if (!tokens.calls().isEmpty() && tokens.calls().stream().noneMatch(TokenUsage.LlmCall::reported)) {
            b.append("tokens: none reported by its ").append(tokens.calls().size())
                    .append(tokens.calls().size() == 1 ? " LLM call (" : " LLM calls (")
                    .append(String.join(", ", tokens.byModel().keySet())).append(")\n");
        } else if (!tokens.calls().isEmpty()) {
            b.append("tokens: ").append(TokensView.sum(tokens.inputTokens(), tokens.outputTokens()));
            if (tokens.byModel().size() == 1) {
                b.append(" (").append(tokens.byModel().keySet().iterator().next()).append(')');
            } else {
                b.append(" over ").append(tokens.byModel().size()).append(" models");
            }
            b.append(", ").append(tokens.calls().size()).append(tokens.calls().size() == 1 ? " LLM call\n" : " LLM calls\n");
        }
        TimeSplit split = TimeSplit.ofTrace(d);
        if (!split.wall().isZero()) {
            b.append("time: ").append(TimeSplitView.text(split)).append('\n');
        }
        if (s.input() != null) {
            b.append("input: ").append(Text.quote(s.input(), TRACE_IO_CHARS)).append('\n');
        }
        if (d.output() != null) {
            b.append("output: ").append(Text.quote(d.output(), TRACE_IO_CHARS)).append('\n');
        }
        if (d.error() != null) {
            b.append("error: ").append(d.error()).append('\n');
        }
        if (o.summary()) {
            return new Rendered(summary(b, d, failures), 0);
        }
        b.append("spans (type name duration status details [span_id]):\n");
        int[] shown = {0};
        int[] total = {0};
        d.forEachSpan(n -> total[0]++);
        for (int i = 0; i < d.tree().size(); i++) {
            if (branches == null) {
                appendTree(b, d.tree().get(i), 0, o, shown);
            } else {
                appendBox(b, d.tree().get(i), "", null, o, shown, branches);
            }
        }
        if (shown[0] < total[0]) {
            boolean byLimit = shown[0] >= o.maxSpans();
            b.append(hints.moreSpans(total[0] - shown[0], byLimit ? o.maxSpans() : null,
                    byLimit && o.maxSpans() < MAX_MAX_SPANS)).append('\n');
        }
        String timeline = total[0] > 1 ? AsciiWaterfall.of(d, AsciiWaterfall.MAX_ROWS) : "";
        if (!timeline.isEmpty() && b.length() + timeline.length() < TEXT_BUDGET) {
            b.append(timeline); // only with room left: the tree above is what the budget is for
        }
        b.append(hints.oneSpan(s.traceId()));
        return new Rendered(b.toString(), shown[0]);
    }

    /** The failed spans only, each with its error; the tree is one call away. */
    private static String summary(StringBuilder b, TraceDetail d, List<SpanFailures.Failure> failures) {
        int total = d.summary().totalSpans();
        if (failures.isEmpty()) {
            b.append("failed spans: none of ").append(total).append('\n');
        } else {
            b.append("failed spans (").append(failures.size()).append(" of ").append(total).append("):\n");
            for (SpanFailures.Failure f : failures) {
                if (Text.full(b)) {
                    b.append("…[more failed spans: see the failures field]\n");
                    break;
                }
                b.append("  ").append(f.type()).append(' ').append(f.toolName() != null ? f.toolName() : f.name())
                        .append(" [").append(f.spanId()).append("]: ").append(Text.line(f.error(), 1000)).append('\n');
            }
        }
        b.append("The span tree: detail=tree; one span in full: span_id.");
        return b.toString();
    }

    private static void appendTree(StringBuilder b, TraceNode n, int depth, Options o, int[] shown) {
        if (shown[0] >= o.maxSpans() || b.length() >= TEXT_BUDGET) {
            return;
        }
        shown[0]++;
        String indent = "  ".repeat(depth);
        b.append(indent).append(spanLine(n)).append('\n');
        if (n.error() != null) {
            b.append(indent).append("  error: ").append(Text.line(n.error(), 2000)).append('\n');
        }
        if (o.ioChars() > 0) {
            if (n.input() != null) {
                b.append(indent).append("  input: ").append(Text.quote(n.input(), o.ioChars())).append('\n');
            }
            if (n.output() != null) {
                b.append(indent).append("  output: ").append(Text.quote(n.output(), o.ioChars())).append('\n');
            }
        }
        for (TraceNode c : n.spans()) {
            appendTree(b, c, depth + 1, o, shown);
        }
    }

    /** @param last null for a root, else whether this is its parent's last child */
    private static void appendBox(StringBuilder b, TraceNode n, String prefix, Boolean last, Options o, int[] shown,
            String[] br) {
        if (shown[0] >= o.maxSpans() || b.length() >= TEXT_BUDGET) {
            return;
        }
        shown[0]++;
        String own = last == null ? "" : last ? br[1] : br[0];
        String below = prefix + (last == null ? "" : last ? br[3] : br[2]);
        b.append(prefix).append(own).append(spanLine(n)).append('\n');
        String detail = below + (n.spans().isEmpty() ? br[3] : br[2]);
        if (n.error() != null) {
            b.append(detail).append("error: ").append(Text.line(n.error(), 2000)).append('\n');
        }
        if (o.ioChars() > 0) {
            if (n.input() != null) {
                b.append(detail).append("input: ").append(Text.quote(n.input(), o.ioChars())).append('\n');
            }
            if (n.output() != null) {
                b.append(detail).append("output: ").append(Text.quote(n.output(), o.ioChars())).append('\n');
            }
        }
        for (int i = 0; i < n.spans().size(); i++) {
            appendBox(b, n.spans().get(i), below, i == n.spans().size() - 1, o, shown, br);
        }
    }

    static String spanLine(TraceNode n) {
        StringBuilder b = new StringBuilder();
        b.append(n.type()).append(' ').append(n.name()).append(' ').append(Times.format(n.duration())).append(' ')
                .append(n.status());
        if (n.isLlm()) {
            if (n.model() != null) {
                b.append(" model=").append(n.model());
            }
            if (n.inputTokens() != null || n.outputTokens() != null) {
                b.append(" tokens=").append(n.inputTokens() == null ? 0 : n.inputTokens()).append('+')
                        .append(n.outputTokens() == null ? 0 : n.outputTokens());
            }
        }
        if (n.isTool() && n.toolName() != null && !n.toolName().equals(n.name())) {
            b.append(" tool=").append(n.toolName());
        }
        if (n.stepType() != null) {
            b.append(" step=").append(n.stepType());
        }
        b.append(" [").append(n.id()).append(']');
        return b.toString();
    }

    public static Map<String, Object> structured(TraceDetail d, Options o) {
        TraceSummary s = d.summary();
        List<SpanFailures.Failure> failures = SpanFailures.of(d);
        TokenUsage tokens = TokenUsage.of(d);
        List<Object> spans = new ArrayList<>();
        int[] total = {0};
        int limit = render(d, o, Hints.MCP, null).spansShown(); // the same spans as the text
        for (TraceNode root : d.tree()) {
            flatten(root, null, 0, limit, o.ioChars(), spans, total);
        }
        List<Object> fails = new ArrayList<>();
        for (SpanFailures.Failure f : failures) {
            fails.add(Fields.of().put("span_id", f.spanId()).put("type", f.type()).put("name", f.name())
                    .put("tool_name", f.toolName()).put("error", f.error()).map());
        }
        Map<String, Object> m = TraceListView.summary(s, TRACE_IO_CHARS);
        m.put("output", Text.line(d.output(), TRACE_IO_CHARS));
        m.put("error", d.error());
        m.values().removeIf(v -> v == null);
        m.put("verdict", SpanFailures.verdict(d, failures));
        m.put("failures", fails);
        m.put("tokens", TokensView.usageFields(tokens, false));
        m.put("spans", spans);
        m.put("spans_total", total[0]);
        m.put("spans_omitted", total[0] - spans.size());
        m.values().removeIf(v -> v == null);
        return m;
    }

    private static void flatten(TraceNode n, String parent, int depth, int limit, int ioChars, List<Object> out,
            int[] total) {
        total[0]++;
        if (out.size() < limit) {
            Fields f = spanFields(n, parent, depth, ioChars);
            f.map().computeIfPresent("error", (k, v) -> Text.line((String) v, 2000));
            out.add(f.map());
        }
        for (TraceNode c : n.spans()) {
            flatten(c, n.id(), depth + 1, limit, ioChars, out, total);
        }
    }

    static Fields spanFields(TraceNode n, String parent, int depth, int ioChars) {
        return Fields.of().put("span_id", n.id()).put("parent_id", parent).put("depth", depth < 0 ? null : depth)
                .put("type", n.type()).put("name", n.name()).put("status", n.status())
                .put("duration_ms", Times.millis(n.duration()))
                .put("start_time", TraceListView.str(n.startTime())).put("end_time", TraceListView.str(n.endTime()))
                .put("model", n.isLlm() ? n.model() : null)
                .put("input_tokens", n.isLlm() ? n.inputTokens() : null)
                .put("output_tokens", n.isLlm() ? n.outputTokens() : null)
                .put("tool_name", n.toolName()).put("step_type", n.stepType())
                .put("error", n.error())
                .put("input", ioChars > 0 ? Text.line(n.input(), ioChars) : null)
                .put("output", ioChars > 0 ? Text.line(n.output(), ioChars) : null);
    }
}
