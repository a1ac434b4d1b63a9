package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.traces.mcp.ToolCalls;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every CLI answer command's --json is its MCP tool's structuredContent for the same question. */
class JsonParityTest extends CliTestBase {

    static final String PLAIN = AnswerCommandsTest.PLAIN;
    static final String FILTER = "{\"op\": \"AND\", \"conditions\": [{\"op\": \"EQ\", \"key\": \"user_id\", "
            + "\"value\": \"bob\"}, {\"op\": \"CONTAINS\", \"key\": \"agent_id\", \"value\": \"ops\"}]}";

    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of(List.of("list"), "list_traces", Map.of()),
                Arguments.of(List.of("list", "--user-id", "bob"), "list_traces", Map.of("user_id", "bob")),
                Arguments.of(List.of("list", "--sort-by", "error_count"), "list_traces", Map.of("sort_by", "error_count")),
                Arguments.of(List.of("get", TOOL_ERROR_TRACE), "get_trace", Map.of("trace_id", TOOL_ERROR_TRACE)),
                Arguments.of(List.of("get", "--run-id", TOOL_ERROR_RUN, "--io"), "get_trace",
                        Map.of("run_id", TOOL_ERROR_RUN, "detail", "full")),
                Arguments.of(List.of("stats"), "trace_stats", Map.of()),
                Arguments.of(List.of("tokens"), "total_tokens", Map.of()),
                Arguments.of(List.of("tokens", "--group-by", "agent"), "total_tokens", Map.of("group_by", "agent")),
                Arguments.of(List.of("tokens", TOOL_ERROR_TRACE), "total_tokens", Map.of("trace_id", TOOL_ERROR_TRACE)),
                Arguments.of(List.of("cost"), "token_cost", Map.of()),
                Arguments.of(List.of("cost", "--run-id", TOOL_ERROR_RUN), "token_cost", Map.of("run_id", TOOL_ERROR_RUN)),
                Arguments.of(List.of("errors"), "find_errors", Map.of()),
                Arguments.of(List.of("slow", "--top", "5"), "slow_spans", Map.of("top", 5)),
                Arguments.of(List.of("slow", TOOL_ERROR_TRACE), "slow_spans", Map.of("trace_id", TOOL_ERROR_TRACE)),
                Arguments.of(List.of("compare", PLAIN, TOOL_ERROR_TRACE), "compare_traces",
                        Map.of("trace_id_a", PLAIN, "trace_id_b", TOOL_ERROR_TRACE)),
                Arguments.of(List.of("search", FILTER, "--limit", "5"), "search_traces", Map.of("filter", FILTER, "limit", 5)),
                Arguments.of(List.of("latest"), "latest_trace", Map.of()));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("questions")
    void theCommandsJsonIsTheToolsStructuredContent(List<String> command, String tool, Map<String, Object> args) {
        List<String> argv = new ArrayList<>(command);
        argv.add("--json");
        JsonNode cli = json(ok(argv.toArray(String[]::new)).out());
        CallToolResult r = ToolCalls.call(server.baseUrl(), CliRun.CLOCK, tool, args);
        assertFalse(r.isError(), r::toString);
        ObjectNode mcp = (ObjectNode) json(wire(r.structuredContent())); // as the server sends it
        mcp.remove("_meta"); // the tool's answer also states its size for the model
        assertEquals(mcp, cli);
    }

    static String wire(Object structured) {
        try {
            return dev.agentos.traces.client.Json.MAPPER.writeValueAsString(structured);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
