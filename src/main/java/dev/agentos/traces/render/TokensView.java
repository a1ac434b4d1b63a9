package dev.agentos.traces.render;

import dev.agentos.traces.analysis.GroupBy;
import dev.agentos.traces.analysis.TokenBreakdown;
import dev.agentos.traces.analysis.TokenTotals;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.TokenQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code total_tokens}: exact sums, by model, by LLM span or by trace. */
public final class TokensView {

    /** Per-span and per-trace lists are cut here; totals always cover everything. */
    public static final int MAX_ROWS = 50;

    private TokensView() {
    }

    static String sum(long in, long out) {
        return TokenUsage.add(in, out) + " (" + in + " in + " + out + " out)";
    }

    /** Token counts refused as impossible, said once; empty when none. */
    static String refusedNote(long refused) {
        return refused == 0 ? "" : "Note: " + refused + (refused == 1 ? " LLM span's token count was" : " LLM spans' token counts were")
                + " refused as impossible (negative, fractional or over " + TraceNode.MAX_TOKENS + ") and counted as 0.\n";
    }

    public static String text(TraceDetail d, TokenUsage u) {
        StringBuilder b = new StringBuilder();
        b.append("Trace ").append(d.traceId()).append(" (").append(d.summary().name());
        if (d.summary().runId() != null) {
            b.append(", run ").append(d.summary().runId());
        }
        b.append("): ").append(sum(u.inputTokens(), u.outputTokens())).append(" tokens, ")
                .append(u.calls().size()).append(u.calls().size() == 1 ? " LLM call\n" : " LLM calls\n");
        appendModels(b, u.byModel());
        if (!u.calls().isEmpty()) {
            b.append("by LLM span:\n");
            int shown = 0;
            for (TokenUsage.LlmCall c : u.calls()) {
                if (shown++ == MAX_ROWS) {
                    b.append("  …[").append(u.calls().size() - MAX_ROWS).append(" more LLM spans; totals above include them]\n");
                    break;
                }
                b.append("  ").append(c.spanId()).append(' ').append(c.name()).append(' ').append(c.model()).append(": ")
                        .append(c.reported() ? sum(c.inputTokens(), c.outputTokens()) : "no token counts reported")
                        .append('\n');
            }
        }
        b.append(refusedNote(u.refusedCounts()));
        b.append(rootCheck(u));
        return b.toString();
    }

    private static String rootCheck(TokenUsage u) {
        if (u.rootInputTokens() == null && u.rootOutputTokens() == null) {
            return u.totalTokens() == 0 ? "no LLM tokens recorded in this trace"
                    : "the root span states no totals to check against";
        }
        String root = u.rootInputTokens() + " in, " + u.rootOutputTokens() + " out";
        return u.matchesRootTotals() ? "checked: equals the root span's totals (" + root + ")"
                : "WARNING: the root span states " + root + ", which differs from the sum of its LLM spans; "
                  + "some spans may be missing from the store";
    }

    private static void appendModels(StringBuilder b, Map<String, TokenUsage.ModelTokens> byModel) {
        if (byModel.isEmpty()) {
            return;
        }
        b.append("by model:\n");
        for (TokenUsage.ModelTokens m : byModel.values()) {
            b.append("  ").append(m.model()).append(": ").append(sum(m.inputTokens(), m.outputTokens())).append(", ")
                    .append(m.calls()).append(m.calls() == 1 ? " call\n" : " calls\n");
        }
    }

    public static String text(TokenQuery.Result r, TraceFilter filter) {
        return text(r, filter, Hints.MCP);
    }

    public static String text(TokenQuery.Result r, TraceFilter filter, Hints hints) {
        return text(r, filter, null, hints);
    }

    /** @param by an extra breakdown (null: by model and by trace only) */
    public static String text(TokenQuery.Result r, TraceFilter filter, GroupBy by, Hints hints) {
        String filterLabel = filterLabel(filter);
        TokenTotals t = r.totals();
        StringBuilder b = new StringBuilder();
        b.append("Tokens over ").append(t.tracesRead()).append(t.tracesRead() == 1 ? " trace" : " traces");
        boolean all = filterLabel.equals("no filter");
        b.append(r.truncated() ? " (the newest " + t.tracesRead() + " of " + r.matching() + (all ? "" : " that match " + filterLabel)
                : all ? " (every trace" : " (all that match " + filterLabel).append("): ");
        b.append(sum(t.inputTokens(), t.outputTokens())).append(", ").append(t.llmCalls()).append(" LLM calls\n");
        appendModels(b, t.byModel());
        if (by != null && by != GroupBy.MODEL) {
            List<TokenBreakdown.Group> groups = r.groups();
            b.append("by ").append(by.label()).append(groups.size() > MAX_ROWS ? " (top " + MAX_ROWS + " of " + groups.size() + ")" : "")
                    .append(":\n");
            for (TokenBreakdown.Group g : groups.subList(0, Math.min(MAX_ROWS, groups.size()))) {
                b.append("  ").append(Text.line(g.key(), 120)).append(": ").append(sum(g.inputTokens(), g.outputTokens()))
                        .append(", ").append(g.traces()).append(g.traces() == 1 ? " trace\n" : " traces\n");
            }
        }
        List<TokenUsage> top = new ArrayList<>(r.top());
        top.removeIf(u -> u.totalTokens() == 0);
        int withTokens = t.tracesWithTokens();
        if (!top.isEmpty()) {
            b.append("by trace, most first").append(withTokens > MAX_ROWS ? " (top " + MAX_ROWS + " of " + withTokens + ")" : "")
                    .append(":\n");
            for (TokenUsage u : top.subList(0, Math.min(MAX_ROWS, top.size()))) {
                b.append("  ").append(u.traceId()).append(": ").append(sum(u.inputTokens(), u.outputTokens())).append('\n');
            }
        }
        if (!t.mismatchedTraceIds().isEmpty()) {
            b.append("WARNING: in ").append(t.mismatchedTraces())
                    .append(" traces the root span's totals differ from the sum of LLM spans, e.g. ")
                    .append(t.mismatchedTraceIds().get(0)).append('\n');
        }
        b.append(refusedNote(t.refusedCounts()));
        if (r.truncated()) {
            b.append("Scan bound reached: ").append(hints.raiseMaxTraces(TokenQuery.MAX_MAX_TRACES))
                    .append(" or narrow the filter (start_time/end_time) to cover the rest.\n");
        }
        b.append(ScanView.notes(r.scan()));
        b.append(ScanView.window(r.scan())).append('\n');
        b.append(r.scan().database() != null ? ScanView.source(r.scan()) : "read with " + ScanView.source(r.scan()));
        return b.toString();
    }

    /** The filter a token scan used, as it appears in the structured output. */
    public static Map<String, Object> filterFields(TraceFilter f) {
        return Fields.of().put("agent_id", f.agentId()).put("team_id", f.teamId()).put("workflow_id", f.workflowId())
                .put("user_id", f.userId()).put("session_id", f.sessionId()).put("status", f.status())
                .put("start_time", f.startTime() == null ? null : f.startTime().toString())
                .put("end_time", f.endTime() == null ? null : f.endTime().toString()).map();
    }

    public static String filterLabel(TraceFilter f) {
        StringJoiner j = new StringJoiner(" ");
        filterFields(f).forEach((k, v) -> j.add(k + "=" + v));
        return j.length() == 0 ? "no filter" : j.toString();
    }

    static Map<String, Object> usageFields(TokenUsage u, boolean withSpans) {
        Fields f = Fields.of().put("input_tokens", u.inputTokens()).put("output_tokens", u.outputTokens())
                .put("total_tokens", u.totalTokens()).put("llm_calls", u.calls().size())
                .put("by_model", models(u.byModel()));
        if (withSpans) {
            List<Object> spans = new ArrayList<>();
            for (TokenUsage.LlmCall c : u.calls().subList(0, Math.min(MAX_ROWS, u.calls().size()))) {
                spans.add(Fields.of().put("span_id", c.spanId()).put("name", c.name()).put("model", c.model())
                        .put("input_tokens", c.inputTokens()).put("output_tokens", c.outputTokens())
                        .put("total_tokens", c.totalTokens()).put("reported", c.reported()).map());
            }
            f.put("by_span", spans).put("spans_omitted", Math.max(0, u.calls().size() - MAX_ROWS));
            f.put("root_input_tokens", u.rootInputTokens()).put("root_output_tokens", u.rootOutputTokens())
                    .put("matches_root_totals", u.matchesRootTotals())
                    .put("refused_token_counts", u.refusedCounts() == 0 ? null : u.refusedCounts());
        }
        return f.map();
    }

    private static List<Object> groups(List<TokenBreakdown.Group> groups) {
        List<Object> out = new ArrayList<>();
        for (TokenBreakdown.Group g : groups.subList(0, Math.min(MAX_ROWS, groups.size()))) {
            out.add(Fields.of().put("key", g.key()).put("traces", g.traces()).put("input_tokens", g.inputTokens())
                    .put("output_tokens", g.outputTokens()).put("total_tokens", g.totalTokens())
                    .put("llm_calls", g.llmCalls()).map());
        }
        return out;
    }

    private static List<Object> models(Map<String, TokenUsage.ModelTokens> byModel) {
        List<Object> out = new ArrayList<>();
        for (TokenUsage.ModelTokens m : byModel.values()) {
            out.add(Fields.of().put("model", m.model()).put("input_tokens", m.inputTokens())
                    .put("output_tokens", m.outputTokens()).put("total_tokens", m.totalTokens())
                    .put("calls", m.calls()).map());
        }
        return out;
    }

    public static Map<String, Object> structured(TraceDetail d, TokenUsage u) {
        Map<String, Object> m = usageFields(u, true);
        Map<String, Object> out = Fields.of().put("scope", "trace").put("trace_id", d.traceId())
                .put("run_id", d.summary().runId()).put("name", d.summary().name()).map();
        out.putAll(m);
        return out;
    }

    public static Map<String, Object> structured(TokenQuery.Result r, TraceFilter f) {
        return structured(r, f, null);
    }

    public static Map<String, Object> structured(TokenQuery.Result r, TraceFilter f, GroupBy by) {
        Map<String, Object> filter = filterFields(f);
        TokenTotals t = r.totals();
        List<TokenUsage> top = r.top();
        List<Object> rows = new ArrayList<>();
        for (TokenUsage u : top.subList(0, Math.min(MAX_ROWS, top.size()))) {
            rows.add(Fields.of().put("trace_id", u.traceId()).put("input_tokens", u.inputTokens())
                    .put("output_tokens", u.outputTokens()).put("total_tokens", u.totalTokens()).map());
        }
        return Fields.of().put("scope", "filter").put("filter", filter)
                .put("input_tokens", t.inputTokens()).put("output_tokens", t.outputTokens())
                .put("total_tokens", t.totalTokens()).put("llm_calls", t.llmCalls())
                .put("traces_read", t.tracesRead()).put("traces_matching", r.matching())
                .put("traces_with_tokens", t.tracesWithTokens()).put("truncated", r.truncated())
                .put("by_model", models(t.byModel())).put("by_trace", rows)
                .put("traces_omitted", Math.max(0, t.tracesRead() - MAX_ROWS))
                .put("mismatched_trace_ids", t.mismatchedTraceIds().isEmpty() ? null
                        : t.mismatchedTraceIds().subList(0, Math.min(MAX_ROWS, t.mismatchedTraceIds().size())))
                .put("requests", r.requests()).put("used_search", r.usedSearch()).put("database", r.scan().database())
                .put("window_start", r.scan().windowStart() == null ? null : r.scan().windowStart().toString())
                .put("window_end", r.scan().windowEnd() == null ? null : r.scan().windowEnd().toString())
                .put("as_of", r.scan().asOf() == null ? null : r.scan().asOf().toString())
                .put("notes", ScanView.structuredNotes(r.scan()))
                .put("refused_token_counts", t.refusedCounts() == 0 ? null : t.refusedCounts())
                .put("group_by", by == null ? null : by.label())
                .put("groups", by == null ? null : groups(r.groups()))
                .put("groups_omitted", by == null ? null : Math.max(0, r.groups().size() - MAX_ROWS))
                .map();
    }
}
