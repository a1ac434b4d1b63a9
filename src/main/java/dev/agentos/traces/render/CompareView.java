package dev.agentos.traces.render;

import dev.agentos.traces.analysis.TraceDiff;
import dev.agentos.traces.client.Times;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** {@code compare_traces}: headline deltas, then the spans that differ, most telling first. */
public final class CompareView {

    public static final int DEFAULT_MAX_ROWS = 30;
    public static final int MAX_MAX_ROWS = 200;
    static final int OUTPUT_CHARS = 160;

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
        s.append("status: ").append(Objects.equals(a.status(), b.status()) && a.errorCount() == b.errorCount()
                ? a.status() + ", " + a.errorCount() + " failed spans"
                : a.status() + "/" + a.errorCount() + " failed → " + b.status() + "/" + b.errorCount() + " failed").append('\n');
        s.append("duration: ").append(Times.format(a.duration())).append(" → ").append(Times.format(b.duration()))
                .append(" (").append(delta(a.duration(), b.duration())).append(")\n");
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
            s.append("Every one of the ").append(r.unchanged()).append(" matched spans is alike (status, output, tokens, "
                    + "duration within 20% or 5 ms).");
            return s.toString();
        }
        s.append(r.differences().size()).append(" spans differ, ").append(r.unchanged()).append(" alike:\n");
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

    private static String line(TraceDiff.SpanDiff d) {
        StringBuilder s = new StringBuilder();
        String what = d.type() + " " + Text.line(d.name(), 60);
        switch (d.changes().get(0)) {
            case ADDED -> s.append("+ only in B: ").append(what).append(" [").append(d.spanIdB()).append("] ")
                    .append(Times.format(d.durationB())).append(" ").append(d.statusB());
            case REMOVED -> s.append("- only in A: ").append(what).append(" [").append(d.spanIdA()).append("] ")
                    .append(Times.format(d.durationA())).append(" ").append(d.statusA());
            default -> {
                s.append("~ ").append(what).append(" [").append(d.spanIdA()).append(" → ").append(d.spanIdB()).append("]");
                for (TraceDiff.Change c : d.changes()) {
                    switch (c) {
                        case STATUS -> s.append("; status ").append(d.statusA()).append(" → ").append(d.statusB());
                        case DURATION -> s.append("; ").append(Times.format(d.durationA())).append(" → ")
                                .append(Times.format(d.durationB())).append(" (").append(delta(d.durationA(), d.durationB()))
                                .append(')');
                        case TOKENS -> s.append("; tokens ").append(d.tokensA()).append(" → ").append(d.tokensB());
                        case OUTPUT -> {
                            if (!Objects.equals(d.errorA(), d.errorB())) {
                                s.append("; error ").append(Text.quote(d.errorA(), OUTPUT_CHARS)).append(" → ")
                                        .append(Text.quote(d.errorB(), OUTPUT_CHARS));
                            } else {
                                s.append("; output ").append(Text.quote(d.outputA(), OUTPUT_CHARS)).append(" → ")
                                        .append(Text.quote(d.outputB(), OUTPUT_CHARS));
                            }
                        }
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
                .put("spans", s.spans()).put("input_tokens", s.inputTokens()).put("output_tokens", s.outputTokens()).map();
    }

    public static Map<String, Object> structured(TraceDiff.Result r, int maxRows) {
        List<Object> rows = new ArrayList<>();
        for (TraceDiff.SpanDiff d : r.differences().subList(0, Math.min(maxRows, r.differences().size()))) {
            List<String> changes = new ArrayList<>();
            d.changes().forEach(c -> changes.add(c.name().toLowerCase(Locale.ROOT)));
            rows.add(Fields.of().put("path", Text.line(d.path(), 400)).put("type", d.type()).put("name", d.name())
                    .put("changes", changes).put("span_id_a", d.spanIdA()).put("span_id_b", d.spanIdB())
                    .put("duration_ms_a", d.durationA() == null ? null : Times.millis(d.durationA()))
                    .put("duration_ms_b", d.durationB() == null ? null : Times.millis(d.durationB()))
                    .put("status_a", d.statusA()).put("status_b", d.statusB())
                    .put("tokens_a", d.tokensA()).put("tokens_b", d.tokensB())
                    .put("output_a", changes.contains("output") ? Text.line(d.outputA(), OUTPUT_CHARS) : null)
                    .put("output_b", changes.contains("output") ? Text.line(d.outputB(), OUTPUT_CHARS) : null)
                    .put("error_a", Text.line(d.errorA(), OUTPUT_CHARS)).put("error_b", Text.line(d.errorB(), OUTPUT_CHARS))
                    .map());
        }
        return Fields.of().put("a", side(r.a())).put("b", side(r.b()))
                .put("duration_delta_ms", Times.millis(r.b().duration().minus(r.a().duration())))
                .put("input_differs", !Objects.equals(r.a().input(), r.b().input()))
                .put("output_differs", !Objects.equals(r.a().output(), r.b().output()))
                .put("differences", rows).put("difference_count", r.differences().size())
                .put("differences_omitted", Math.max(0, r.differences().size() - maxRows))
                .put("alike", r.unchanged()).map();
    }
}
