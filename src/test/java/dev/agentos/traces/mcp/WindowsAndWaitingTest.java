package dev.agentos.traces.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.testsupport.Fixtures;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Relative windows become absolute ones the answer states; latest_trace waits for a run's trace. */
class WindowsAndWaitingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    WireMockServer server;
    AgentOsClient client;

    @BeforeEach
    void start() {
        server = Stubs.started();
        client = Stubs.client(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    AgentOsTool tool(String name) {
        return ServerAssembly.tools(() -> client, CLOCK).stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRelativeWindowIsSentAndStatedAsAbsoluteTimes() {
        server.stubFor(post(urlPathEqualTo("/traces/search"))
                .withRequestBody(matchingJsonPath("$.filter.conditions[0].key", equalTo("agent_id")))
                .withRequestBody(matchingJsonPath("$.filter.conditions[1].op", equalTo("GTE")))
                .withRequestBody(matchingJsonPath("$.filter.conditions[1].value", equalTo("2026-11-17T12:00:00Z")))
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.body("search_all_runs_limit100.json"))));
        CallToolResult r = tool("find_errors").call(Map.of("agent_id", "ops-agent", "start_time", "7d"));
        assertFalse(r.isError(), text(r));
        assertTrue(text(r).contains("window: 2026-11-17T12:00:00Z → now (2026-11-24T12:00:00Z)"), text(r));
        Map<String, Object> scan = (Map<String, Object>) ((Map<String, Object>) r.structuredContent()).get("scan");
        assertEquals("2026-11-17T12:00:00Z", scan.get("window_start"));
        assertEquals("2026-11-24T12:00:00Z", scan.get("as_of"));

        CallToolResult today = tool("total_tokens").call(Map.of("agent_id", "ops-agent", "start_time", "today"));
        assertTrue(today.isError(), "no stub for today's window: the request was different");
        server.verify(postRequestedFor(urlPathEqualTo("/traces/search"))
                .withRequestBody(matchingJsonPath("$.filter.conditions[1].value", equalTo("2026-11-24T00:00:00Z"))));
    }

    @Test
    void aWrongTimeNamesTheArgumentAndTheAcceptedForms() {
        CallToolResult r = tool("find_errors").call(Map.of("start_time", "last week"));
        assertTrue(r.isError());
        assertTrue(text(r).startsWith("start_time 'last week' is not a time"), text(r));
        assertEquals(0, server.getAllServeEvents().size());
    }

    /** The run's trace appears on the third poll, first without its top-level span, then complete. */
    @Test
    void latestTraceWaitsForTheRunsTraceToAppearAndFinish() throws Exception {
        String runId = "5d4c5cec-293d-4ca2-b199-2395ffd38bdd";
        JsonNode listed = JSON.readTree(Fixtures.body("traces_filter_run_id.json"));
        String traceId = listed.get("data").get(0).get("trace_id").asText();
        JsonNode full = null;
        for (JsonNode t : JSON.readTree(Fixtures.body("search_all_runs_limit100.json")).get("data")) {
            if (t.get("trace_id").asText().equals(traceId)) {
                full = t;
            }
        }
        ObjectNode partial = full.deepCopy();
        ArrayNode orphans = JSON.createArrayNode();
        full.get("tree").get(0).get("spans").forEach(orphans::add); // the agent span is not written yet
        partial.set("tree", orphans);
        String empty = "{\"data\": [], \"meta\": {\"page\": 1, \"limit\": 20, \"total_pages\": 0, \"total_count\": 0}}";
        server.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("run_id", equalTo(runId)).inScenario("run")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("2")
                .willReturn(aResponse().withStatus(200).withBody(empty)));
        server.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("run_id", equalTo(runId)).inScenario("run")
                .whenScenarioStateIs("2").willSetStateTo("3").willReturn(aResponse().withStatus(200).withBody(empty)));
        server.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("run_id", equalTo(runId)).inScenario("run")
                .whenScenarioStateIs("3").willReturn(aResponse().withStatus(200).withBody(listed.toString())));
        server.stubFor(get(urlPathEqualTo("/traces/" + traceId)).inScenario("trace").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("complete").willReturn(aResponse().withStatus(200).withBody(partial.toString())));
        server.stubFor(get(urlPathEqualTo("/traces/" + traceId)).inScenario("trace").whenScenarioStateIs("complete")
                .willReturn(aResponse().withStatus(200).withBody(full.toString())));
        List<Duration> pauses = new ArrayList<>();
        LatestTraceTool tool = new LatestTraceTool(ToolRegistry.context("latest_trace", () -> client, CLOCK), pauses::add);
        CallToolResult r = tool.call(Map.of("run_id", runId, "wait_seconds", 60));
        assertFalse(r.isError(), text(r));
        assertTrue(text(r).startsWith("Trace " + traceId), text(r));
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)), pauses,
                "back-off between polls: two empty lists, then a partial trace");

        LatestTraceTool once = new LatestTraceTool(ToolRegistry.context("latest_trace", () -> client, Clock.systemUTC()), d -> { });
        server.resetScenarios();
        CallToolResult notYet = once.call(Map.of("run_id", runId, "wait_seconds", 0));
        assertTrue(notYet.isError());
        assertTrue(text(notYet).startsWith("No trace for run " + runId + " appeared within 0 s"), text(notYet));
    }
}
