package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The CLI faces of the answer tools, against the captured bodies: same numbers, CLI wording. */
class AnswerCommandsTest extends CliTestBase {

    static final String PLAIN = "8833672188af9c797b222c0dc6f831a2";

    @Test
    void errorsGroupsTheInventoryOutagesAndPointsToTheGetCommand() {
        JsonNode j = json(ok("errors", "--json").out());
        assertEquals(4, j.get("failed_spans").asInt());
        assertEquals("tool lookup_inventory", j.get("groups").get(0).get("what").asText());
        String text = ok("errors").out();
        assertTrue(text.contains("1. tool lookup_inventory ×4"), text);
        assertTrue(text.contains("Details: agentos-traces-mcp get <id>"), text);
        assertEquals(2, cli("errors", "--run-id", TOOL_ERROR_RUN).code(), "one run is `get`, not `errors`");
    }

    @Test
    void slowShowsTheCriticalPathOfOneTraceAndLatencyAcrossTraces() {
        String one = ok("slow", TOOL_ERROR_TRACE).out();
        assertTrue(one.contains("critical path"), one);
        assertTrue(one.contains("\ntime: LLM "), one);
        assertTrue(one.contains("agentos-traces-mcp get " + TOOL_ERROR_TRACE + " --span-id <id>"), one);
        JsonNode all = json(ok("slow", "--json", "--top", "100").out());
        assertEquals(84, all.get("spans").asInt());
        assertEquals(22, all.get("traces").asInt());
        int traces = 0;
        for (JsonNode r : all.get("by_runner")) {
            traces += r.get("traces").asInt();
        }
        assertEquals(22, traces, "every trace in the time split by agent, team or workflow");
        assertTrue(ok("slow").out().contains("time by agent, team or workflow"));
    }

    @Test
    void costListsTheUnpricedModels() {
        JsonNode j = json(ok("cost", "--json").out());
        assertTrue(j.get("estimate").asBoolean());
        assertEquals(3, j.get("unpriced_models").size());
        assertTrue(ok("cost", TOOL_ERROR_TRACE).out().startsWith("Estimated cost of trace " + TOOL_ERROR_TRACE));
    }

    @Test
    void compareNamesTheFailedTool() {
        String text = ok("compare", PLAIN, TOOL_ERROR_TRACE).out();
        assertTrue(text.contains("+ only in B: TOOL lookup_inventory"), text);
        assertTrue(text.contains("failed only in B: TOOL lookup_inventory"), text);
        assertTrue(text.contains("\ntime: LLM "), text);
        assertEquals(2, cli("compare", PLAIN).code(), "two traces are needed");
    }

    @Test
    void searchChecksTheExpressionFirst() {
        String f = "{\"op\": \"AND\", \"conditions\": [{\"op\": \"EQ\", \"key\": \"user_id\", \"value\": \"bob\"}, "
                + "{\"op\": \"CONTAINS\", \"key\": \"agent_id\", \"value\": \"ops\"}]}";
        JsonNode j = json(ok("search", f, "--limit", "5", "--json").out());
        assertEquals(fixture("search_run_and.json").get("meta").get("total_count").asInt(), j.get("total_count").asInt());
        CliRun.Result bad = cli("search", "{\"op\": \"EQ\", \"key\": \"colour\", \"value\": \"red\"}");
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().contains("unknown field 'colour'"), bad::toString);
    }

    @Test
    void getWritesTheWaterfallPage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("trace.html");
        String out = ok("get", TOOL_ERROR_TRACE, "--html", file.toString()).out();
        assertEquals("Waterfall of trace " + TOOL_ERROR_TRACE + " (4 spans) written to " + file
                + "; open it in a browser.\n", out);
        String page = java.nio.file.Files.readString(file);
        assertTrue(page.startsWith("<!doctype html>"), page.substring(0, 40));
        assertTrue(page.contains("\"span_id\":\"9b8c76d6e3668c78\""));
        assertEquals(2, cli("get", TOOL_ERROR_TRACE, "--html", file.toString(), "--span-id", "9b8c76d6e3668c78").code());
        CliRun.Result unwritable = cli("get", TOOL_ERROR_TRACE, "--html", dir.resolve("no/such/dir/x.html").toString());
        assertEquals(2, unwritable.code(), unwritable::toString);
        assertTrue(unwritable.err().contains("give --html a writable path"), unwritable::toString);
    }

    @Test
    void latestShowsTheNewestTraceOfAnAgent() {
        String text = ok("latest", "--agent-id", "ops-agent").out();
        assertTrue(text.startsWith("Trace " + PLAIN), text);
        assertEquals(2, cli("latest", "--agent-id", "ops-agent", "--wait", "5").code(), "--wait needs --run-id");
    }
}
