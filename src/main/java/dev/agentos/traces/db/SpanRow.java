package dev.agentos.traces.db;

import java.time.Instant;

/**
 * One {@code agno_spans} row with the attributes a scan needs, read out by the database (never the whole
 * attribute JSON, which carries prompts).
 *
 * @param kind {@code openinference.span.kind}
 * @param team {@code agno.team.id} or {@code team.id} is set (an AGENT span that is a team)
 * @param promptTokens {@code llm.token_count.prompt} as stored (number or text), null when absent
 * @param hasOutput {@code output.value} is set
 * @param rootOutput {@code output.value}, read for root spans only
 * @param exceptionMessage {@code exception.message}, read for failed and root spans only
 */
record SpanRow(String spanId, String parentSpanId, String name, String statusCode, String statusMessage,
        Instant start, Instant end, Object durationMs, String kind, boolean team, String model,
        Object promptTokens, Object completionTokens, String toolName, boolean hasOutput, String rootOutput,
        String exceptionMessage) {
}
