package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CliHintsTest {

    @Test
    void rewritesTheGeneratedLines() {
        assertEquals("More: --page 3\nDetails: agentos-traces-mcp get <id>",
                CliHints.translate("More: page=3\nDetails: get_trace trace_id=<id>"));
    }

    @Test
    void leavesTraceContentAlone() {
        String content = "input: \"More: page=3\"\n  output: \"call get_trace trace_id=x span_id=y offset=1 to read on\"\n"
                + "say Details: get_trace trace_id=<id> please";
        assertEquals(content, CliHints.translate(content));
    }
}
