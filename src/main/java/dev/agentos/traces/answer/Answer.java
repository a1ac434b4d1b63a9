package dev.agentos.traces.answer;

import java.util.Map;

/** An answer as both faces give it: compact text for a reader, and the same facts as structured data. */
public record Answer(String text, Map<String, Object> structured) {
}
