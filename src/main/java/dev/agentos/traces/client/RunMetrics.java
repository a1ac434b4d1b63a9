package dev.agentos.traces.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;

/**
 * A run's metrics as the run API reports them (traces do not carry cache or reasoning tokens). Null where
 * AgentOS said nothing. A workflow reports per step ({@code metrics.steps}); those are summed.
 */
public record RunMetrics(Long inputTokens, Long outputTokens, Long totalTokens, Long cacheReadTokens,
        Long cacheWriteTokens, Long reasoningTokens, Duration timeToFirstToken, Duration duration) {

    public static final RunMetrics NONE = new RunMetrics(null, null, null, null, null, null, null, null);

    /** From a run's {@code metrics} object (agent, team or workflow shape); NONE when absent. */
    public static RunMetrics of(JsonNode m) {
        if (m == null || !m.isObject()) {
            return NONE;
        }
        JsonNode steps = m.get("steps");
        if (steps != null && steps.isObject()) {
            RunMetrics sum = NONE;
            for (Iterator<JsonNode> it = steps.elements(); it.hasNext(); ) {
                sum = sum.plus(of(it.next().get("metrics")));
            }
            Duration d = seconds(m.get("duration"));
            return new RunMetrics(sum.inputTokens, sum.outputTokens, sum.totalTokens, sum.cacheReadTokens,
                    sum.cacheWriteTokens, sum.reasoningTokens, sum.timeToFirstToken, d != null ? d : sum.duration);
        }
        return new RunMetrics(count(m, "input_tokens"), count(m, "output_tokens"), count(m, "total_tokens"),
                count(m, "cache_read_tokens"), count(m, "cache_write_tokens"), count(m, "reasoning_tokens"),
                seconds(m.get("time_to_first_token")), seconds(m.get("duration")));
    }

    /** Sums counts; keeps the first time to first token; adds durations. */
    public RunMetrics plus(RunMetrics o) {
        return new RunMetrics(add(inputTokens, o.inputTokens), add(outputTokens, o.outputTokens),
                add(totalTokens, o.totalTokens), add(cacheReadTokens, o.cacheReadTokens),
                add(cacheWriteTokens, o.cacheWriteTokens), add(reasoningTokens, o.reasoningTokens),
                timeToFirstToken != null ? timeToFirstToken : o.timeToFirstToken,
                duration == null ? o.duration : o.duration == null ? duration : duration.plus(o.duration));
    }

    /** These metrics, with cache and reasoning counts taken from {@code events} where they say nothing. */
    public RunMetrics withTokenKindsFrom(RunMetrics events) {
        return new RunMetrics(inputTokens, outputTokens, totalTokens,
                cacheReadTokens != null ? cacheReadTokens : events.cacheReadTokens,
                cacheWriteTokens != null ? cacheWriteTokens : events.cacheWriteTokens,
                reasoningTokens != null ? reasoningTokens : events.reasoningTokens, timeToFirstToken, duration);
    }

    private static Long add(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a; // (no ternary over a + b: it would unbox a null)
        }
        return a + b;
    }

    static Long count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() && v.asDouble() >= 0 ? v.asLong() : null;
    }

    private static Duration seconds(JsonNode v) {
        if (v == null || !v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1e9) {
            return null;
        }
        return Duration.ofNanos(Math.round(v.asDouble() * 1e9));
    }
}
