package dev.agentos.traces.render;

import dev.agentos.traces.analysis.TimeSplit;
import dev.agentos.traces.analysis.TraceDiff;
import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** {@code compare_traces}: shape, failures and headline deltas, then the spans that differ, most telling first. */
public final class CompareView {

    public static final int DEFAULT_MAX_ROWS = 30;
    public static final int MAX_MAX_ROWS = 200;
    static final int OUTPUT_CHARS = 160;
    static final int FAILED_ROWS = 5;

    private CompareView() {
    }

    static String delta(Duration a, Duration b) {
        long d = b.toNanos() - a.toNanos();
        String sign = d >= 0 ? "+" : "-";
        String pct = a.isZero() ? "" : String.format(Locale.ROOT, ", %+.0f%%", 100.0 * d / a.toNanos());
        return sign + Times.format(Duration.ofNanos(Math.abs(d))) + pct;
    }

    static String num(long a, long b) {
        return a == b ? String.valueOf(a) : a + " → " + b + " (" + (b - a >= 0 ? "+" : "") + (b - a) + ")";
    }

    public static String text(TraceDiff.Result r, int maxRows, Hints hints) {
        TraceDiff.Side a = r.a();
        TraceDiff.Side b = r.b();
        StringBuilder s = new StringBuilder();
        s.append("A ").append(a.traceId()).append(" (").append(a.name()).append(") vs B ").append(b.traceId())
                .append(" (").append(b.name()).append(")\n");
        s.append("shape: ").append(shape(r)).append('\n');
        s.append("status: ").append(Objects.equals(a.status(), b.status()) && a.errorCount() == b.errorCount()
                ? a.status() + ", " + a.errorCount() + " failed spans"
                : a.status() + "/" + a.errorCount() + " failed → " + b.status() + "/" + b.errorCount() + " failed").append('\n');
        int named = 0;
        for (TraceDiff.SpanDiff f : r.failedInOne()) {
            if (named++ == FAILED_ROWS) {
                s.append("…[").append(r.failedInOne().size() - FAILED_ROWS).append(" more spans failed in one run only]\n");
                break;
            }
            boolean inA = f.a() != null && (f.a().failed() || f.a().error() != null);
            var span = inA ? f.a() : f.b();
            s.append("failed only in ").append(inA ? "A: " : "B: ").append(span.type()).append(' ')
                    .append(Text.line(span.name(), 60)).append(" [").append(span.id()).append(']');
            if (span.error() != null) {
                s.append(": ").append(Text.quote(span.error(), OUTPUT_CHARS));
            }
            s.append('\n');
        }
        s.append("duration: ").append(Times.format(a.duration())).append(" → ").append(Times.format(b.duration()))
                .append(" (").append(delta(a.duration(), b.duration())).append(")\n");
        s.append("time: ").append(split(a.split(), b.split())).append('\n');
        s.append("spans: ").append(num(a.spans(), b.spans())).append("; tokens in: ")
                .append(num(a.inputTokens(), b.inputTokens())).append("; out: ")
                .append(num(a.outputTokens(), b.outputTokens())).append('\n');
        if (!Objects.equals(a.input(), b.input())) {
            s.append("input differs: A ").append(Text.quote(a.input(), OUTPUT_CHARS)).append(" | B ")
                    .append(Text.quote(b.input(), OUTPUT_CHARS)).append('\n');
        }
        if (!Objects.equals(a.output(), b.output())) {
            s.append("output differs: A ").append(Text.quote(a.output(), OUTPUT_CHARS)).append(" | B ")
                    .append(Text.quote(b.output(), OUTPUT_CHARS)).append('\n');
        }
        if (r.differences().isEmpty()) {
            s.append("Every one of the ").append(r.unchanged()).append(" matched spans is alike (status, error, tool "
                    + "arguments, outputs, tokens, duration within 20% or 5 ms).");
            return s.toString();
        }
        s.append(r.differences().size()).append(r.differences().size() == 1 ? " span differs, " : " spans differ, ")
                .append(r.unchanged()).append(" alike:\n");
        int shown = 0;
        for (TraceDiff.SpanDiff d : r.differences()) {
            if (shown == maxRows || Text.full(s)) {
                s.append("…[").append(r.differences().size() - shown).append(" more differences not shown (")
                        .append(shown == maxRows ? "raise " + hints.arg("max_rows") : "text budget")
                        .append(")]\n");
                break;
            }
            shown++;
            s.append("  ").append(line(d)).append('\n');
        }
        s.append(hints.oneSpan("<A or B>"));
        return s.toString();
    }

    private static String shape(TraceDiff.Result r) {
        if (r.sameShape()) {
            return "same (every span matched by type and name; stream and async variants such as aexecute and "
                    + "aexecute_stream count as one)";
        }
        int onlyA = 0;
        int onlyB = 0;
        for (TraceDiff.SpanDiff d : r.differences()) {
            onlyA += d.changes().contains(TraceDiff.Change.REMOVED) ? 1 + d.inside() : 0;
            onlyB += d.changes().contains(TraceDiff.Change.ADDED) ? 1 + d.inside() : 0;
        }
        return "differs: " + onlyA + " spans only in A, " + onlyB + " only in B";
    }

    /** {@code LLM 211ms (33%) → 264ms (39%), tools …, other …}. */
    static String split(TimeSplit a, TimeSplit b) {
        int[] pa = a.percents();
        int[] pb = b.percents();
        return "LLM " + Times.format(a.llm()) + " (" + pa[0] + "%) → " + Times.format(b.llm()) + " (" + pb[0]
                + "%), tools " + Times.format(a.tool()) + " (" + pa[1] + "%) → " + Times.format(b.tool()) + " (" + pb[1]
                + "%), other " + Times.format(a.other()) + " (" + pa[2] + "%) → " + Times.format(b.other()) + " ("
                + pb[2] + "%)";
    }

    private static String line(TraceDiff.SpanDiff d) {
        StringBuilder s = new StringBuilder();
        String what = d.type() + " " + Text.line(d.name(), 60);
        String inside = d.inside() == 0 ? "" : " (and " + d.inside() + (d.inside() == 1 ? " span" : " spans") + " in it)";
        switch (d.changes().get(0)) {
            case ADDED -> s.append("+ only in B: ").append(what).append(" [").append(d.b().id()).append("] ")
                    .append(Times.format(d.durationB())).append(" ").append(d.b().status()).append(inside);
            case REMOVED -> s.append("- only in A: ").append(what).append(" [").append(d.a().id()).append("] ")
                    .append(Times.format(d.durationA())).append(" ").append(d.a().status()).append(inside);
            default -> {
                s.append("~ ").append(what);
                if (!Objects.equals(d.a().name(), d.b().name())) {
                    s.append(" / ").append(Text.line(d.b().name(), 60));
                }
                s.append(" [").append(d.a().id()).append(" → ").append(d.b().id()).append("]");
                for (TraceDiff.Change c : d.changes()) {
                    switch (c) {
                        case STATUS -> s.append("; status ").append(d.a().status()).append(" → ").append(d.b().status());
                        case ERROR -> s.append("; error ").append(Text.quote(d.a().error(), OUTPUT_CHARS)).append(" → ")
                                .append(Text.quote(d.b().error(), OUTPUT_CHARS));
                        case ARGS -> s.append("; args ").append(Text.quote(d.a().input(), OUTPUT_CHARS)).append(" → ")
                                .append(Text.quote(d.b().input(), OUTPUT_CHARS));
                        case OUTPUT -> s.append("; output ").append(Text.quote(d.a().output(), OUTPUT_CHARS))
                                .append(" → ").append(Text.quote(d.b().output(), OUTPUT_CHARS));
                        case TOKENS -> s.append("; tokens ").append(d.tokensA()).append(" → ").append(d.tokensB());
                        case DURATION -> s.append("; ").append(Times.format(d.durationA())).append(" → ")
                                .append(Times.format(d.durationB())).append(" (").append(delta(d.durationA(), d.durationB()))
                                .append(')');
                        default -> {
                        }
                    }
                }
            }
        }
        return s.toString();
    }

    private static Map<String, Object> side(TraceDiff.Side s) {
        return Fields.of().put("trace_id", s.traceId()).put("name", s.name()).put("run_id", s.runId())
                .put("status", s.status()).put("error_count", s.errorCount()).put("duration_ms", Times.millis(s.duration()))
                .put("spans", s.spans()).put("input_tokens", s.inputTokens()).put("output_tokens", s.outputTokens())
                .put("split", TimeSplitView.fields(s.split())).map();
    }

    public static Map<String, Object> structured(TraceDiff.Result r, int maxRows) {
        List<Object> rows = new ArrayList<>();
        for (TraceDiff.SpanDiff d : r.differences().subList(0, Math.min(maxRows, r.differences().size()))) {
            List<String> changes = new ArrayList<>();
            d.changes().forEach(c -> changes.add(c.name().toLowerCase(Locale.ROOT)));
            TraceNode x = d.a();
            TraceNode y = d.b();
            boolean args = changes.contains("args");
            boolean out = changes.contains("output");
            rows.add(Fields.of().put("path", Text.line(d.path(), 400)).put("type", d.type()).put("name", d.name())
                    .put("changes", changes).put("span_id_a", x == null ? null : x.id())
                    .put("span_id_b", y == null ? null : y.id())
                    .put("duration_ms_a", x == null ? null : Times.millis(x.duration()))
                    .put("duration_ms_b", y == null ? null : Times.millis(y.duration()))
                    .put("status_a", x == null ? null : x.status()).put("status_b", y == null ? null : y.status())
                    .put("tokens_a", d.tokensA()).put("tokens_b", d.tokensB())
                    .put("args_a", args ? Text.line(x.input(), OUTPUT_CHARS) : null)
                    .put("args_b", args ? Text.line(y.input(), OUTPUT_CHARS) : null)
                    .put("output_a", out ? Text.line(x.output(), OUTPUT_CHARS) : null)
                    .put("output_b", out ? Text.line(y.output(), OUTPUT_CHARS) : null)
                    .put("error_a", x == null ? null : Text.line(x.error(), OUTPUT_CHARS))
                    .put("error_b", y == null ? null : Text.line(y.error(), OUTPUT_CHARS))
                    .put("inside", d.inside() == 0 ? null : d.inside()).map());
        }
        return Fields.of().put("a", side(r.a())).put("b", side(r.b())).put("same_shape", r.sameShape())
                .put("duration_delta_ms", Times.millis(r.b().duration().minus(r.a().duration())))
                .put("input_differs", !Objects.equals(r.a().input(), r.b().input()))
                .put("output_differs", !Objects.equals(r.a().output(), r.b().output()))
                .put("differences", rows).put("difference_count", r.differences().size())
                .put("differences_omitted", Math.max(0, r.differences().size() - maxRows))
                .put("alike", r.unchanged()).map();
    }
}
