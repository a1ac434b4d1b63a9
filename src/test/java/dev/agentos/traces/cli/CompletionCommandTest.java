package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The completion script comes from the real command definitions, so it knows every command and flag. */
class CompletionCommandTest {

    @Test
    void scriptKnowsEveryCommandAndTheirFlags() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"completion"}, new Context(Map.of(), Clock.systemUTC()), new PrintWriter(out),
                new PrintWriter(new StringWriter()), true);
        assertEquals(0, code);
        String script = out.toString();
        assertTrue(script.contains("complete -F _complete_agentos-traces-mcp") || script.contains("_complete_agentos-traces-mcp"));
        for (String word : List.of("list", "get", "stats", "tokens", "serve", "--sort-by", "--span-id", "--max-traces",
                "--transport", "--base-url")) {
            assertTrue(script.contains(word), "completion lacks " + word);
        }
    }
}
