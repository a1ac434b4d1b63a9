package dev.agentos.traces.render;

import dev.agentos.traces.analysis.TraceRules;
import dev.agentos.traces.query.CheckTraces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code check_traces}: the verdict, then every failed result and as many passes as fit. */
public final class CheckView {

    /** Most results in structuredContent (failures first); the text says how many were left out. */
    public static final int MAX_RESULTS = 500;

    private CheckView() {
    }

    public static String text(CheckTraces.Result r, Style style) {
        StringBuilder b = new StringBuilder();
        long rules = r.results().stream().map(TraceRules.Result::rule).distinct().count();
        b.append(r.passed() ? style.green("PASSED") : style.red("FAILED")).append(": ").append(rules)
                .append(rules == 1 ? " rule on " : " rules on ").append(r.traces().size())
                .append(r.traces().size() == 1 ? " trace" : " traces");
        if (!r.passed()) {
            b.append(", ").append(r.failed()).append(" of ").append(r.results().size()).append(" results failed");
        }
        if (r.truncated()) {
            b.append(" (the newest ").append(r.traces().size()).append(" of ").append(r.matching())
                    .append(" matching; raise the limit for more)");
        }
        b.append('\n');
        int hidden = 0;
        for (TraceRules.Result x : ordered(r.results())) {
            if (Text.full(b)) {
                hidden++;
                continue;
            }
            // data escaped here, so the colours around it are the only escape sequences left (Terminal.escapeKeepingStyle)
            b.append(x.passed() ? style.dim("pass ") : style.red("FAIL ")).append(Terminal.escape(x.rule().label()))
                    .append(" | ").append(x.traceId() == null ? "all traces" : Terminal.escape(x.traceId()))
                    .append(" | observed ").append(Terminal.escape(Text.line(x.observed(), 200))).append(", limit ")
                    .append(Terminal.escape(Text.line(x.limit(), 200))).append('\n');
        }
        if (hidden > 0) {
            b.append("…[").append(hidden).append(" more results not shown; structured output (CLI: --json) has them]\n");
        }
        return b.toString().stripTrailing();
    }

    /** Failures first, each group in evaluation order. */
    static List<TraceRules.Result> ordered(List<TraceRules.Result> results) {
        List<TraceRules.Result> out = new ArrayList<>();
        results.stream().filter(x -> !x.passed()).forEach(out::add);
        results.stream().filter(TraceRules.Result::passed).forEach(out::add);
        return out;
    }

    /** @param max most results listed (failures first); {@code results_omitted} counts the rest */
    public static Map<String, Object> structured(CheckTraces.Result r, int max) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<TraceRules.Result> all = ordered(r.results());
        for (TraceRules.Result x : all.subList(0, Math.min(max, all.size()))) {
            items.add(result(x));
        }
        return Fields.of().put("passed", r.passed()).put("failed", r.failed()).put("total", r.results().size())
                .put("traces", r.traces().stream().map(t -> t.traceId()).toList())
                .put("matching", r.matching()).put("truncated", r.truncated() ? true : null)
                .put("results", items).put("results_omitted", all.size() > max ? all.size() - max : null).map();
    }

    public static Map<String, Object> result(TraceRules.Result x) {
        return Fields.of().put("rule", x.rule().type().key).put("value", x.rule().value()).put("trace_id", x.traceId())
                .put("passed", x.passed()).put("observed", x.observed()).put("limit", x.limit()).map();
    }
}
