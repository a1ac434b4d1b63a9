package dev.agentos.traces.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.mcp.ToolCalls;
import dev.agentos.traces.testsupport.AgnoDb;
import dev.agentos.traces.testsupport.SearchingAgentOs;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * find_anomalies and compare_periods read a baseline and a window straight from agno's SQLite file exactly as
 * through the API, the windows' edges included (a trace that ends at baseline_end and one that starts at
 * start_time are in).
 */
class PeriodsDatabaseTest {

    /** The sample's math-agent run ends here; its support-team run starts at the window's start. */
    static final Map<String, Object> WINDOWS = Map.of("baseline_start", "2026-11-30T03:00:00Z",
            "baseline_end", "2026-11-30T03:38:29.487285Z", "start_time", "2026-11-30T03:38:29.654418Z",
            "end_time", "2026-11-30T04:00:00Z");

    @Test
    void bothToolsAnswerFromTheDatabaseAsFromTheApi(@TempDir Path dir) throws Exception {
        Path file = AgnoDb.sqlite(dir.resolve("agno.db"), AgnoDb.sample("sqlite-sample.json"));
        ConnectionOptions db = SqliteModeTest.opts("sqlite:" + file);
        List<JsonNode> details = AgnoDb.apiDetails("sqlite");
        try (SearchingAgentOs api = new SearchingAgentOs(details)) {
            AgentOsClient viaApi = AgentOsClient.create(ConnectionOptions.resolve(api.baseUrl(), null, null, null, null,
                    Map.of()));
            AgentOsClient viaDb = AgentOsClient.create(db);
            for (String tool : List.of("compare_periods", "find_anomalies")) {
                Map<String, Object> args = new java.util.HashMap<>(WINDOWS);
                if (tool.equals("compare_periods")) {
                    args.put("group_by", "day");
                }
                CallToolResult a = ToolCalls.call(tool, viaApi, args);
                CallToolResult d = ToolCalls.call(tool, viaDb, args);
                assertFalse(Boolean.TRUE.equals(a.isError()), ToolCalls.text(a));
                assertFalse(Boolean.TRUE.equals(d.isError()), ToolCalls.text(d));
                assertEquals(DatabaseEquivalence.comparable(a).toPrettyString(),
                        DatabaseEquivalence.comparable(d).toPrettyString(), tool);
                JsonNode n = DatabaseEquivalence.comparable(d);
                assertEquals(1, n.get("baseline").get("traces_read").asInt(), tool + ": the run ending at baseline_end");
                assertEquals(2, n.get("window").get("traces_read").asInt(), tool + ": the run starting at start_time");
                assertTrue(ToolCalls.text(d).contains("database"), ToolCalls.text(d));
            }
        }
    }
}
