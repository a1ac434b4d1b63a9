package dev.agentos.traces.render;

import dev.agentos.traces.analysis.SpanFailures;
import dev.agentos.traces.analysis.TimeSplit;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.RunMetrics;
import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.query.RunAgent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code run_agent}: the run (status, output, metrics), then its trace in brief, with the id to drill into. */
public final class RunView {

    /** Most chars of the run's output shown. */
    public static final int OUTPUT_CHARS = 2_000;
    /** Most spans drawn in the tree summary. */
    static final int TREE_SPANS = 15;

    private RunView() {
    }

    public static String text(RunAgent.Result r, Hints hints) {
        RunAgent.Outcome o = r.outcome();
        StringBuilder b = new StringBuilder();
        b.append("Ran ").append(r.target().kind().label()).append(' ').append(r.target().id()).append(": ")
                .append(o.status());
        if (o.runId() != null) {
            b.append(" | run ").append(o.runId());
        }
        if (o.sessionId() != null) {
            b.append(" | session ").append(o.sessionId());
        }
        b.append('\n');
        if (o.error() != null) {
            b.append("! error").append(o.errorType() == null ? "" : " (" + o.errorType() + ")").append(": ")
                    .append(Text.line(o.error(), 500)).append('\n');
        }
        if (o.status().equals("INCOMPLETE")) {
            b.append("! the event stream ended before the run said it had finished\n");
        }
        if (o.output() != null) {
            b.append("output: ").append(Text.block(o.output(), OUTPUT_CHARS, r.trace() == null ? "the run's full output is "
                    + "in AgentOS" : hints.traceDetails().replace("<id>", r.trace().trace().traceId()))).append('\n');
        }
        b.append("metrics: ").append(metrics(o.metrics())).append('\n');
        b.append("events: ").append(o.events()).append(" (").append(o.modelCalls())
                .append(o.modelCalls() == 1 ? " model call" : " model calls");
        if (!o.tools().isEmpty()) {
            b.append("; tools: ").append(String.join(", ", o.tools()));
        }
        if (!o.steps().isEmpty()) {
            b.append("; steps: ").append(String.join(", ", o.steps()));
        }
        b.append(")\n");
        if (r.trace() == null) {
            b.append("trace: none yet (").append(r.traceNote()).append(")\n");
            return b.toString().stripTrailing();
        }
        TraceDetail d = r.trace().trace();
        b.append("trace ").append(d.traceId()).append(": ").append(TraceListView.status(d.summary())).append(" | ")
                .append(Times.format(d.summary().duration())).append(" | ").append(d.summary().totalSpans()).append(" spans");
        TokenUsage u = TokenUsage.of(d);
        if (!u.calls().isEmpty()) {
            b.append(" | ").append(TokensView.sum(u.inputTokens(), u.outputTokens()));
        }
        b.append(r.trace().finished() ? "" : " | still running").append('\n');
        TimeSplit split = TimeSplit.ofTrace(d);
        if (!split.wall().isZero()) {
            b.append("time: ").append(TimeSplitView.text(split)).append('\n');
        }
        String verdict = SpanFailures.verdict(d, SpanFailures.of(d));
        if (verdict != null) {
            b.append("! ").append(Text.line(verdict, 400)).append('\n');
        }
        int[] shown = {0};
        int[] total = {0};
        d.forEachSpan(n -> total[0]++);
        for (TraceNode root : d.tree()) {
            tree(b, root, 1, shown);
        }
        if (shown[0] < total[0]) {
            b.append("  …[").append(total[0] - shown[0]).append(" more spans]\n");
        }
        b.append(hints.traceDetails().replace("<id>", d.traceId()));
        return b.toString();
    }

    private static void tree(StringBuilder b, TraceNode n, int depth, int[] shown) {
        if (shown[0] >= TREE_SPANS) {
            return;
        }
        shown[0]++;
        b.append("  ".repeat(depth)).append(n.type()).append(' ').append(n.name()).append(' ')
                .append(Times.format(n.duration()));
        if (n.failed()) {
            b.append(" ERROR");
            if (n.error() != null) {
                b.append(": ").append(Text.line(n.error(), 160));
            }
        }
        b.append('\n');
        for (TraceNode c : n.spans()) {
            tree(b, c, depth + 1, shown);
        }
    }

    static String metrics(RunMetrics m) {
        List<String> parts = new ArrayList<>();
        if (m.totalTokens() != null || m.inputTokens() != null) {
            long in = m.inputTokens() == null ? 0 : m.inputTokens();
            long out = m.outputTokens() == null ? 0 : m.outputTokens();
            long total = m.totalTokens() != null ? m.totalTokens() : in + out;
            StringBuilder t = new StringBuilder().append(total).append(" tokens (").append(in).append(" in, ")
                    .append(out).append(" out");
            if (m.cacheReadTokens() != null || m.cacheWriteTokens() != null) {
                t.append(", cache read ").append(orZero(m.cacheReadTokens())).append(", cache write ")
                        .append(orZero(m.cacheWriteTokens()));
            }
            if (m.reasoningTokens() != null) {
                t.append(", reasoning ").append(m.reasoningTokens());
            }
            parts.add(t.append(')').toString());
        } else {
            parts.add("no tokens reported");
        }
        if (m.timeToFirstToken() != null) {
            parts.add("first token " + Times.format(m.timeToFirstToken()));
        }
        if (m.duration() != null) {
            parts.add("run " + Times.format(m.duration()));
        }
        return String.join(" | ", parts);
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    public static Map<String, Object> structured(RunAgent.Result r) {
        RunAgent.Outcome o = r.outcome();
        Map<String, Object> run = Fields.of().put("run_id", o.runId()).put("session_id", o.sessionId())
                .put("status", o.status())
                .put("output", o.output() == null ? null : o.output().length() <= OUTPUT_CHARS ? o.output()
                        : o.output().substring(0, OUTPUT_CHARS))
                .put("output_truncated", o.output() != null && o.output().length() > OUTPUT_CHARS ? true : null)
                .put("error", o.error()).put("error_type", o.errorType())
                .put("metrics", metricsMap(o.metrics())).put("events", o.events()).put("model_calls", o.modelCalls())
                .put("tools", o.tools()).put("steps", o.steps()).map();
        Fields f = Fields.of()
                .put("target", Fields.of().put("kind", r.target().kind().label()).put("id", r.target().id())
                        .put("name", r.target().name()).map())
                .put("run", run);
        if (r.trace() != null) {
            TraceDetail d = r.trace().trace();
            Map<String, Integer> byType = new TreeMap<>();
            d.forEachSpan(n -> byType.merge(n.type() == null ? "?" : n.type(), 1, Integer::sum));
            TokenUsage u = TokenUsage.of(d);
            f.put("trace", Fields.of().put("trace_id", d.traceId()).put("status", d.summary().status())
                    .put("duration_ms", Times.millis(d.summary().duration())).put("total_spans", d.summary().totalSpans())
                    .put("error_count", d.summary().errorCount())
                    .put("verdict", SpanFailures.verdict(d, SpanFailures.of(d)))
                    .put("input_tokens", u.inputTokens()).put("output_tokens", u.outputTokens())
                    .put("spans_by_type", byType).put("time_split", TimeSplitView.fields(TimeSplit.ofTrace(d)))
                    .put("in_progress", r.trace().finished() ? null : true).map());
        } else {
            f.put("trace_note", r.traceNote());
        }
        return f.map();
    }

    private static Map<String, Object> metricsMap(RunMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>(Fields.of().put("input_tokens", m.inputTokens())
                .put("output_tokens", m.outputTokens()).put("total_tokens", m.totalTokens())
                .put("cache_read_tokens", m.cacheReadTokens()).put("cache_write_tokens", m.cacheWriteTokens())
                .put("reasoning_tokens", m.reasoningTokens())
                .put("time_to_first_token_ms", m.timeToFirstToken() == null ? null : Times.millis(m.timeToFirstToken()))
                .put("duration_ms", m.duration() == null ? null : Times.millis(m.duration())).map());
        return out;
    }
}
