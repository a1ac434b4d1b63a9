package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one run is measured by when runs are compared with each other: tokens (as {@code total_tokens}),
 * duration (from the trace's timestamps, as {@code list_traces}), LLM and tool calls, whether anything failed
 * (as {@code find_errors} counts a trace with errors), and the tools and models it used. Small: the trace
 * itself is dropped.
 *
 * @param tools per tool name: {calls, failed calls}
 */
public record RunMetrics(String traceId, String component, Instant start, long tokens, long durationMicros,
        int llmCalls, int toolCalls, boolean hasErrors, Map<String, TokenUsage.ModelTokens> models,
        Map<String, int[]> tools) {

    /** The group of a run that names no agent, team or workflow. */
    public static final String NO_COMPONENT = "(no agent, team or workflow)";

    public enum Metric {
        TOKENS("tokens"), DURATION("duration"), LLM_CALLS("llm_calls"), TOOL_CALLS("tool_calls");

        public final String label;

        Metric(String label) {
            this.label = label;
        }
    }

    public long value(Metric m) {
        return switch (m) {
            case TOKENS -> tokens;
            case DURATION -> durationMicros;
            case LLM_CALLS -> llmCalls;
            case TOOL_CALLS -> toolCalls;
        };
    }

    public static RunMetrics of(TraceDetail d) {
        TokenUsage u = TokenUsage.of(d);
        Map<String, int[]> tools = new TreeMap<>();
        int[] toolCalls = {0};
        boolean[] failed = {false};
        d.forEachSpan(n -> {
            if (n.failed()) {
                failed[0] = true;
            }
            if (n.isTool()) {
                toolCalls[0]++;
                int[] c = tools.computeIfAbsent(n.toolName() == null ? n.name() : n.toolName(), k -> new int[2]);
                c[0]++;
                if (n.failed()) {
                    c[1]++;
                }
            }
        });
        boolean errors = failed[0] || d.summary().hasErrors() || !SpanFailures.silentLlmFailures(d).isEmpty();
        String component = d.summary().component();
        return new RunMetrics(d.traceId(), component == null ? NO_COMPONENT : component, d.summary().startTime(),
                u.totalTokens(), d.summary().duration().toNanos() / 1_000, u.calls().size(), toolCalls[0], errors,
                u.byModel(), tools);
    }

    public Set<String> toolNames() {
        return new TreeSet<>(tools.keySet());
    }
}
