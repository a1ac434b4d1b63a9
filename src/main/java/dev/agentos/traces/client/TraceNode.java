package dev.agentos.traces.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A span as AgentOS returns it, in a tree ({@code spans} are its children, in start order: the parser sorts
 * them) or alone ({@code ?span_id=}).
 * Metadata keys are read through typed accessors so no caller sees raw JSON values.
 */
public record TraceNode(
        String id, String name, String type, String status, String durationText,
        Instant startTime, Instant endTime, String input, String output, String error,
        String stepType, Map<String, Object> metadata, List<TraceNode> spans) {

    /** What a span without a name, type or status shows (AgentOS omits nulls; every view and schema has a value). */
    public static final String UNKNOWN = "unknown";

    public TraceNode {
        name = name == null ? UNKNOWN : name;
        type = type == null ? UNKNOWN : type;
        status = status == null ? UNKNOWN : status;
        metadata = metadata == null ? Map.of() : metadata;
        spans = spans == null ? List.of() : List.copyOf(spans);
    }

    public Duration duration() {
        return preciseDuration(startTime, endTime, durationText);
    }

    static Duration preciseDuration(Instant start, Instant end, String text) {
        if (start != null && end != null && !end.isBefore(start)) {
            return Duration.between(start, end);
        }
        Duration parsed = Times.parseDuration(text);
        return parsed == null ? Duration.ZERO : parsed;
    }

    public boolean isLlm() {
        return "LLM".equals(type);
    }

    public boolean isTool() {
        return "TOOL".equals(type);
    }

    public boolean failed() {
        return "ERROR".equals(status);
    }

    public String model() {
        return text("model");
    }

    public String toolName() {
        return text("tool_name");
    }

    /** LLM spans: {@code metadata.input_tokens}; null when absent or not a number. */
    public Long inputTokens() {
        return count("input_tokens");
    }

    public Long outputTokens() {
        return count("output_tokens");
    }

    /** Root node in a tree: {@code metadata.total_input_tokens}. */
    public Long totalInputTokens() {
        return count("total_input_tokens");
    }

    public Long totalOutputTokens() {
        return count("total_output_tokens");
    }

    public String runId() {
        return text("run_id");
    }

    private String text(String key) {
        Object v = metadata.get(key);
        return v instanceof String s && !s.isEmpty() ? s : null;
    }

    /**
     * Most tokens one span may report (a trillion: six orders of magnitude past any model's context). A larger
     * count is refused rather than summed: two spans of 2^63-1 would otherwise wrap to a negative total.
     */
    public static final long MAX_TOKENS = 1_000_000_000_000L;

    /** A token count that is present but not a whole number from 0 to {@link #MAX_TOKENS} (refused, not summed). */
    public boolean refusedTokenCount() {
        for (String key : new String[] {"input_tokens", "output_tokens"}) {
            Object v = metadata.get(key);
            if (v != null && !(v instanceof String s && s.isBlank()) && count(key) == null) {
                return true;
            }
        }
        return false;
    }

    private Long count(String key) {
        return tokenCount(metadata.get(key));
    }

    /**
     * A token count as read from span metadata (a number or its text): a whole number from 0 to
     * {@link #MAX_TOKENS}, else null (absent, or refused as impossible).
     */
    public static Long tokenCount(Object v) {
        if (v instanceof Long || v instanceof Integer) { // what JSON counts parse to: no BigDecimal needed
            long l = ((Number) v).longValue();
            return l >= 0 && l <= MAX_TOKENS ? l : null;
        }
        java.math.BigDecimal exact;
        if (v instanceof java.math.BigDecimal b) {
            exact = b;
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                return null;
            }
            exact = java.math.BigDecimal.valueOf(d);
        } else if (v instanceof String s) {
            try {
                exact = new java.math.BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        // exact comparison: 1e30 must not be read as the low 64 bits of 10^30
        if (exact.signum() < 0 || exact.compareTo(java.math.BigDecimal.valueOf(MAX_TOKENS)) > 0
                || exact.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return exact.longValueExact();
    }

    /** Visits this span and its descendants, parents first, children in start order. */
    public void walk(Consumer<TraceNode> visitor) {
        visitor.accept(this);
        for (TraceNode child : spans) {
            child.walk(visitor);
        }
    }
}
