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

    public TraceNode {
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

    private Long count(String key) {
        Object v = metadata.get(key);
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d >= 0 && d == Math.rint(d) ? n.longValue() : null;
        }
        if (v instanceof String s) {
            try {
                long l = Long.parseLong(s.strip());
                return l >= 0 ? l : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Visits this span and its descendants, parents first, children in start order. */
    public void walk(Consumer<TraceNode> visitor) {
        visitor.accept(this);
        for (TraceNode child : spans) {
            child.walk(visitor);
        }
    }
}
