package dev.agentos.traces.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentos.traces.answer.Answer;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.render.Terminal;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Prints a result as text for people or as JSON (the MCP tools' structuredContent) for scripts. Text has
 * control characters and bidi overrides from trace data escaped; JSON carries the data as it is.
 */
final class Output {

    private Output() {
    }

    /** NDJSON: one compact JSON value per line. */
    static void lines(PrintWriter out, java.util.List<?> items) {
        try {
            for (Object item : items) {
                out.println(Json.MAPPER.writeValueAsString(item));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    static void print(PrintWriter out, boolean json, Answer answer) {
        print(out, json, answer.text(), answer.structured());
    }

    static void print(PrintWriter out, boolean json, String text, Map<String, Object> structured) {
        if (json) {
            try {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(structured));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println(Terminal.escape(text));
        }
        out.flush();
    }

    /** Text that carries our own colours (its trace data already escaped, see TraceListView.rows). */
    static void styled(PrintWriter out, String text) {
        out.print(Terminal.escapeKeepingStyle(text));
        out.flush();
    }
}
