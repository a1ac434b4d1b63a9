package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.traces.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class TokensCommandTest extends CliTestBase {

    @Test
    void oneTraceIsSummedPerModelAndPerLlmSpanAndCheckedAgainstItsRoot() {
        CliRun.Result r = ok("tokens", TOOL_ERROR_TRACE);
        assertEquals(String.join("\n",
                "Trace " + TOOL_ERROR_TRACE + " (Ops_Agent.arun, run " + TOOL_ERROR_RUN
                        + "): 195 (143 in + 52 out) tokens, 2 LLM calls",
                "by model:",
                "  offline-sim-2: 195 (143 in + 52 out), 2 calls",
                "by LLM span:",
                "  1f51f1f6b45fc6cc OfflineSim.ainvoke offline-sim-2: 81 (61 in + 20 out)",
                "  91942e14038ceb35 OfflineSim.ainvoke offline-sim-2: 114 (82 in + 32 out)",
                "checked: equals the root span's totals (143 in, 52 out)") + "\n", r.out());
    }

    @Test
    void oneTraceAsJson() {
        JsonNode j = json(ok("tokens", TOOL_ERROR_TRACE, "--json").out());
        assertEquals("trace", j.get("scope").asText());
        assertEquals(143, j.get("input_tokens").asLong());
        assertEquals(52, j.get("output_tokens").asLong());
        assertEquals(195, j.get("total_tokens").asLong());
        assertEquals(2, j.get("llm_calls").asInt());
        assertTrue(j.get("matches_root_totals").asBoolean());
    }

    /** Sums every LLM span's metadata over the raw fixture, independently of the code under test. */
    private static long[] fixtureSums() {
        long[] sums = new long[3]; // in, out, llm calls
        JsonNode search = fixture("search_all_runs_limit100.json");
        assertEquals(22, search.get("data").size());
        search.get("data").forEach(t -> t.get("tree").forEach(n -> addLlm(n, sums)));
        return sums;
    }

    private static void addLlm(JsonNode n, long[] sums) {
        if ("LLM".equals(n.path("type").asText())) {
            sums[0] += n.path("metadata").path("input_tokens").asLong(0);
            sums[1] += n.path("metadata").path("output_tokens").asLong(0);
            sums[2]++;
        }
        n.path("spans").forEach(c -> addLlm(c, sums));
    }

    @Test
    void everythingViaSearchEqualsTheFixtureSum() {
        long[] s = fixtureSums();
        CliRun.Result r = ok("tokens");
        assertTrue(r.out().startsWith("Tokens over 22 traces (every trace): " + (s[0] + s[1]) + " ("
                + s[0] + " in + " + s[1] + " out), " + s[2] + " LLM calls\n"), r.out());
        assertTrue(r.out().endsWith("read with 1 request (POST /traces/search)\n"), r.out());
        server.verify(1, postRequestedFor(urlPathEqualTo("/traces/search"))
                .withRequestBody(equalToJson("{\"group_by\":\"run\",\"page\":1,\"limit\":100}")));
    }

    @Test
    void everythingAsJson() {
        long[] s = fixtureSums();
        JsonNode j = json(ok("tokens", "--json").out());
        assertEquals("filter", j.get("scope").asText());
        assertEquals(s[0], j.get("input_tokens").asLong());
        assertEquals(s[1], j.get("output_tokens").asLong());
        assertEquals(s[0] + s[1], j.get("total_tokens").asLong());
        assertEquals(s[2], j.get("llm_calls").asLong());
        assertEquals(22, j.get("traces_read").asInt());
        assertEquals(22, j.get("traces_matching").asInt());
        assertTrue(!j.get("truncated").asBoolean());
        assertTrue(j.get("used_search").asBoolean());
        long byModel = 0;
        for (JsonNode m : j.get("by_model")) {
            byModel += m.get("total_tokens").asLong();
        }
        assertEquals(s[0] + s[1], byModel);
        JsonNode top = j.get("by_trace").get(0);
        assertEquals("9b6a6543cddbb1282ee26425449d7ffd", top.get("trace_id").asText());
    }

    @Test
    void maxTracesCutsTheScanAndSaysSo() {
        JsonNode j = json(ok("tokens", "--json", "--max-traces", "5").out());
        assertEquals(5, j.get("traces_read").asInt());
        assertEquals(22, j.get("traces_matching").asInt());
        assertTrue(j.get("truncated").asBoolean());
        CliRun.Result text = ok("tokens", "--max-traces", "5");
        assertTrue(text.out().startsWith("Tokens over 5 traces (the newest 5 of 22): "), text.out());
        assertTrue(text.out().contains("\nScan bound reached: raise --max-traces (up to 100000) "), text.out());
    }

    @Test
    void oneTraceByRunId() {
        server.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("run_id", equalTo(TOOL_ERROR_RUN))
                .withQueryParam("limit", equalTo("1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.body("traces_filter_run_id.json"))));
        CliRun.Result r = ok("tokens", "--run-id", TOOL_ERROR_RUN);
        assertTrue(r.out().startsWith("Trace " + TOOL_ERROR_TRACE + " (Ops_Agent.arun, run " + TOOL_ERROR_RUN
                + "): 195 (143 in + 52 out) tokens, 2 LLM calls\n"), r.out());
    }

    @Test
    void aFilterBecomesASearchExpression() {
        // no capture for this body: the stub answers 404, but the request shows the filter sent
        cli("tokens", "--user-id", "bob", "--agent-id", "ops-agent");
        server.verify(1, postRequestedFor(urlPathEqualTo("/traces/search")).withRequestBody(equalToJson(
                "{\"filter\":{\"op\":\"AND\",\"conditions\":[{\"op\":\"EQ\",\"key\":\"user_id\",\"value\":\"bob\"},"
                + "{\"op\":\"EQ\",\"key\":\"agent_id\",\"value\":\"ops-agent\"}]},"
                + "\"group_by\":\"run\",\"page\":1,\"limit\":100}")));
    }

    @Test
    void aTraceAndFiltersTogetherIsAUsageError() {
        CliRun.Result r = cli("tokens", TOOL_ERROR_TRACE, "--user-id", "bob");
        assertFails(ExitCodes.USAGE, r);
        assertFails(ExitCodes.USAGE, cli("tokens", "--max-traces", "0"));
    }
}
