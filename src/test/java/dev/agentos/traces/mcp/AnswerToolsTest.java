package dev.agentos.traces.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.testsupport.Fixtures;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question-answering tools against the real agno 2.9.0 bodies: every number is checked against sums
 * computed here straight from the fixture JSON (22 traces in the captured search response).
 */
class AnswerToolsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOOL_ERROR = "16a3d91143cd09bae7f87594b93c261c";
    static final String PLAIN = "8833672188af9c797b222c0dc6f831a2";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    static WireMockServer server;
    static AgentOsClient client;
    static Map<String, AgentOsTool> tools = new HashMap<>();
    static JsonNode all;

    @BeforeAll
    static void start() throws Exception {
        server = Stubs.open();
        client = Stubs.client(server);
        for (AgentOsTool t : ServerAssembly.tools(() -> client, CLOCK)) {
            tools.put(t.name(), t);
        }
        all = JSON.readTree(Fixtures.body("search_all_runs_limit100.json")).get("data");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @AfterEach
    void resetPricing() {
        Pricing.useFile(null);
    }

    static CallToolResult call(String tool, Map<String, Object> args) {
        return tools.get(tool).call(args);
    }

    static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(CallToolResult r) {
        assertFalse(r.isError(), () -> text(r));
        return (Map<String, Object>) r.structuredContent();
    }

    static long num(Object o) {
        return ((Number) o).longValue();
    }

    static void eachSpan(JsonNode node, Consumer<JsonNode> f) {
        f.accept(node);
        for (JsonNode c : node.path("spans")) {
            eachSpan(c, f);
        }
    }

    static void eachSpanOfAll(java.util.function.BiConsumer<JsonNode, JsonNode> f) {
        for (JsonNode t : all) {
            for (JsonNode root : t.get("tree")) {
                eachSpan(root, s -> f.accept(t, s));
            }
        }
    }

    /** {in, out} per key, from the raw LLM span metadata. */
    static Map<String, long[]> rawTokens(java.util.function.BiFunction<JsonNode, JsonNode, String> key) {
        Map<String, long[]> out = new TreeMap<>();
        eachSpanOfAll((t, s) -> {
            if ("LLM".equals(s.path("type").asText())) {
                long[] v = out.computeIfAbsent(key.apply(t, s), k -> new long[2]);
                v[0] += s.path("metadata").path("input_tokens").asLong();
                v[1] += s.path("metadata").path("output_tokens").asLong();
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, long[]> groups(Map<String, Object> m, String listKey, String keyField) {
        Map<String, long[]> out = new TreeMap<>();
        for (Object o : (List<Object>) m.get(listKey)) {
            Map<String, Object> g = (Map<String, Object>) o;
            out.put((String) g.get(keyField), new long[] {num(g.get("input_tokens")), num(g.get("output_tokens"))});
        }
        return out;
    }

    static void assertSame(Map<String, long[]> expected, Map<String, long[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> {
            assertEquals(v[0], actual.get(k)[0], k + " input");
            assertEquals(v[1], actual.get(k)[1], k + " output");
        });
    }

    @Test
    void totalTokensByModelAndByUserEqualTheRawSumsInOneSearchRequest() {
        server.resetRequests();
        Map<String, Object> byModel = structured(call("total_tokens", Map.of("group_by", "model")));
        assertEquals(22L, num(byModel.get("traces_read")));
        assertEquals(1L, num(byModel.get("requests")), "22 traces are one search page");
        assertSame(rawTokens((t, s) -> s.path("metadata").path("model").asText()), groups(byModel, "groups", "key"));
        assertSame(rawTokens((t, s) -> s.path("metadata").path("model").asText()), groups(byModel, "by_model", "model"));

        Map<String, Object> byUser = structured(call("total_tokens", Map.of("group_by", "user")));
        assertSame(rawTokens((t, s) -> t.path("user_id").asText()), groups(byUser, "groups", "key"));
        Map<String, Object> byAgent = structured(call("total_tokens", Map.of("group_by", "agent")));
        assertSame(rawTokens((t, s) -> t.has("agent_id") ? "agent " + t.get("agent_id").asText()
                : "team " + t.get("team_id").asText()), groups(byAgent, "groups", "key"));
        Map<String, Object> byDay = structured(call("total_tokens", Map.of("group_by", "day")));
        assertSame(rawTokens((t, s) -> "2026-11-23"), groups(byDay, "groups", "key"));
        String text = text(call("total_tokens", Map.of("group_by", "session")));
        assertTrue(text.contains("by session:"), text);
        assertTrue(text.contains("window: all time (up to 2026-11-24T12:00:00Z)"), text);
    }

    @Test
    void groupByNeedsAFilterScopeAndAKnownName() {
        CallToolResult r = call("total_tokens", Map.of("trace_id", TOOL_ERROR, "group_by", "user"));
        assertTrue(r.isError());
        CallToolResult bad = call("total_tokens", Map.of("group_by", "color"));
        assertTrue(bad.isError());
        assertEquals("group_by must be one of model, agent, user, session, day, not 'color'.", text(bad));
    }

    @Test
    @SuppressWarnings("unchecked")
    void findErrorsGroupsTheFourInventoryOutagesAlthoughEveryTraceSaysOk() {
        Map<String, Object> m = structured(call("find_errors", Map.of()));
        assertEquals(22L, num(m.get("traces_scanned")));
        assertEquals(4L, num(m.get("failed_spans")));
        assertEquals(6L, num(m.get("traces_with_errors")), "4 tool failures + 2 runs whose model call failed silently");
        assertEquals(4L, num(m.get("ok_status_traces_with_errors")));
        assertEquals(2L, num(m.get("silent_llm_failures")));
        List<Object> groups = (List<Object>) m.get("groups");
        assertEquals(3, groups.size(), "four messages differing only in the item name are one cause");
        Map<String, Object> g = (Map<String, Object>) groups.get(0);
        for (Object o : groups.subList(1, 3)) {
            assertEquals("silent_llm", ((Map<String, Object>) o).get("kind"));
            assertTrue(((String) ((Map<String, Object>) o).get("example_error")).contains("Simulated provider outage (HTTP 503)"));
        }
        assertEquals(List.of("469f4c784c3af13a30c8322e6fe66073"), ((Map<String, Object>) groups.get(1)).get("example_trace_ids"));
        assertEquals("tool lookup_inventory", g.get("what"));
        assertEquals(4L, num(g.get("count")));
        assertEquals(4L, num(g.get("ok_status_traces")));
        assertEquals("Inventory service unavailable for item '…' (simulated outage)", g.get("error_pattern"));
        assertEquals("2026-11-23T23:42:21.029566Z", g.get("first_seen"));
        assertEquals("2026-11-23T23:42:23.521609Z", g.get("last_seen"));
        assertEquals(List.of("16a3d91143cd09bae7f87594b93c261c", "e05cfa66", "550fbaa5").get(0),
                ((List<String>) g.get("example_trace_ids")).get(0), "newest first");
        assertEquals(3, ((List<String>) g.get("example_trace_ids")).size());
        String text = text(call("find_errors", Map.of()));
        assertTrue(text.startsWith("4 failed spans (4 in traces that say status OK), 2 LLM calls that failed silently "
                + "in 6 of 22 traces; 3 causes, most frequent first:"), text);
        assertTrue(text.contains("1. tool lookup_inventory ×4 (every one in a trace that says OK)"), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void slowSpansOfOneTraceSplitsItsTimeAndItsCriticalPathCoversItOnce() {
        // the walk itself is tested on hand-drawn layouts in analysis.CriticalPathTest; here: what the tool hands over
        Map<String, Object> m = structured(call("slow_spans", Map.of("trace_id", TOOL_ERROR, "top", 100)));
        double total = ((Number) m.get("duration_ms")).doubleValue();
        Map<String, Object> split = (Map<String, Object>) m.get("split");
        assertEquals(total, ((Number) split.get("ms")).doubleValue(), 1e-9);
        double parts = 0;
        long pct = 0;
        for (String k : List.of("llm", "tool", "other")) {
            parts += ((Number) split.get(k + "_ms")).doubleValue();
            pct += num(split.get(k + "_pct"));
        }
        assertEquals(total, parts, 0.002, "LLM + tool + other = wall time");
        assertEquals(100, pct);
        double at = 0;
        double pathPct = 0;
        for (Map<String, Object> s : (List<Map<String, Object>>) (List<?>) m.get("critical_path")) {
            assertEquals(at, ((Number) s.get("at_ms")).doubleValue(), 0.002, "contiguous");
            at += ((Number) s.get("ms")).doubleValue();
            pathPct += ((Number) s.get("pct")).doubleValue();
        }
        assertEquals(total, at, 0.01, "the path covers the wall time once");
        assertEquals(100.0, pathPct, 1e-6);
        String text = text(call("slow_spans", Map.of("trace_id", TOOL_ERROR)));
        assertTrue(text.contains("critical path (Jaeger's walk"), text);
        assertTrue(text.contains("\ntime: LLM "), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void slowSpansAcrossTracesGivesExactCountsAndMaximaPerSpanName() {
        Map<String, Object> m = structured(call("slow_spans", Map.of("top", 100)));
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Long> maxMicros = new TreeMap<>();
        eachSpanOfAll((t, s) -> {
            String k = s.get("type").asText() + " " + s.get("name").asText();
            counts.merge(k, 1, Integer::sum);
            long us = java.time.Duration.between(Instant.parse(s.get("start_time").asText()),
                    Instant.parse(s.get("end_time").asText())).toNanos() / 1000;
            maxMicros.merge(k, us, Math::max);
        });
        List<Map<String, Object>> rows = (List<Map<String, Object>>) (List<?>) m.get("by_span");
        assertEquals(counts.size(), rows.size());
        for (Map<String, Object> r : rows) {
            String k = r.get("type") + " " + r.get("name");
            assertEquals(counts.get(k).longValue(), num(r.get("count")), k);
            assertEquals(maxMicros.get(k) / 1000.0, ((Number) r.get("max_ms")).doubleValue(), 1e-9, k);
            double p50 = ((Number) r.get("p50_ms")).doubleValue();
            double p95 = ((Number) r.get("p95_ms")).doubleValue();
            assertTrue(p50 <= p95 && p95 <= ((Number) r.get("max_ms")).doubleValue(), k);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void tokenCostListsUnknownModelsAndPricesThemExactlyFromAPricingFile(@TempDir Path dir) throws Exception {
        Map<String, Object> m = structured(call("token_cost", Map.of()));
        assertEquals(Boolean.TRUE, m.get("estimate"));
        assertEquals(0, new BigDecimal(m.get("total_cost").toString()).signum(), "offline models have no list price");
        List<String> unpriced = new ArrayList<>();
        for (Object o : (List<Object>) m.get("unpriced_models")) {
            unpriced.add((String) ((Map<String, Object>) o).get("model"));
        }
        Map<String, long[]> raw = rawTokens((t, s) -> s.path("metadata").path("model").asText());
        List<String> byTokens = new ArrayList<>(raw.keySet());
        byTokens.sort(java.util.Comparator.comparingLong((String k) -> -(raw.get(k)[0] + raw.get(k)[1])));
        assertEquals(byTokens, unpriced, "most tokens first");
        String text = text(call("token_cost", Map.of()));
        assertTrue(text.startsWith("Estimated cost of 22 traces"), text);
        assertTrue(text.contains("no price known (not guessed) for: " + byTokens.get(0) + " ("), text);

        Path prices = dir.resolve("prices.json");
        Files.writeString(prices, "{\"source\": \"our contract\", \"as_of\": \"2026-11-01\", \"models\": "
                + "{\"offline-sim-1\": {\"input\": 1.5, \"output\": 6}}}");
        Pricing.useFile(prices);
        long[] sim1 = rawTokens((t, s) -> s.path("metadata").path("model").asText()).get("offline-sim-1");
        BigDecimal expected = new BigDecimal("1.5").multiply(BigDecimal.valueOf(sim1[0]))
                .add(new BigDecimal("6").multiply(BigDecimal.valueOf(sim1[1])))
                .divide(BigDecimal.valueOf(1_000_000));
        Map<String, Object> priced = structured(call("token_cost", Map.of()));
        assertEquals(0, expected.compareTo(new BigDecimal(priced.get("total_cost").toString())),
                expected + " vs " + priced.get("total_cost"));
        assertTrue(text(call("token_cost", Map.of())).contains("our contract"));
        Map<String, Object> one = structured(call("token_cost", Map.of("trace_id", TOOL_ERROR)));
        assertEquals("trace", one.get("scope"));
    }

    @Test
    void shippedPricesKnowDatedSnapshotsButNeverGuess() {
        Pricing p = Pricing.defaults();
        assertNotNull(p.lookup("gpt-4o-2024-08-06"));
        assertEquals(p.lookup("gpt-4o-mini"), p.lookup("gpt-4o-mini-2024-07-18"));
        assertEquals(null, p.lookup("gpt-4o-turbo-ultra"), "a model the table does not name is not guessed");
        assertNotNull(p.lookup("claude-sonnet-4-5-20250929"));
        assertNotNull(p.source());
        assertNotNull(p.asOf());
    }

    @Test
    void aBadPricingFileIsRefusedWithItsReason(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.json");
        dev.agentos.traces.client.ArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.agentos.traces.client.ArgumentException.class, () -> Pricing.useFile(missing));
        assertTrue(e.getMessage().startsWith("Cannot read the pricing file " + missing), e.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"models\": {\"gpt-x\": {\"input\": \"cheap\", \"output\": 1}}}");
        e = org.junit.jupiter.api.Assertions.assertThrows(dev.agentos.traces.client.ArgumentException.class,
                () -> Pricing.useFile(bad));
        assertTrue(e.getMessage().contains("model gpt-x needs \"input\" and \"output\" prices"), e.getMessage());
        Files.writeString(bad, "[1, 2]");
        assertThrows(bad);
        assertEquals(Pricing.defaults(), Pricing.current(), "a refused file changes nothing");
    }

    static void assertThrows(Path file) {
        org.junit.jupiter.api.Assertions.assertThrows(dev.agentos.traces.client.ArgumentException.class,
                () -> Pricing.useFile(file));
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareTracesShowsTheFailedToolOfTheSecondRun() {
        Map<String, Object> m = structured(call("compare_traces", Map.of("trace_id_a", PLAIN, "trace_id_b", TOOL_ERROR)));
        assertEquals(PLAIN, ((Map<String, Object>) m.get("a")).get("trace_id"));
        assertEquals(1L, num(((Map<String, Object>) m.get("b")).get("error_count")));
        String text = text(call("compare_traces", Map.of("trace_id_a", PLAIN, "trace_id_b", TOOL_ERROR)));
        assertTrue(text.contains("lookup_inventory"), text);
        assertTrue(text.contains("OK/0 failed → OK/1 failed"), text);
        CallToolResult same = call("compare_traces", Map.of("trace_id_a", TOOL_ERROR, "trace_id_b", TOOL_ERROR));
        assertTrue(text(same).contains("matched spans is alike"), text(same));
        assertTrue(call("compare_traces", Map.of("trace_id_a", TOOL_ERROR)).isError());
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchTracesSendsAValidatedExpressionAndRefusesUnknownFieldsWithoutARequest() throws Exception {
        Map<String, Object> filter = Map.of("op", "AND", "conditions", List.of(
                Map.of("op", "EQ", "key", "user_id", "value", "bob"),
                Map.of("op", "CONTAINS", "key", "agent_id", "value", "ops")));
        Map<String, Object> m = structured(call("search_traces", Map.of("filter", filter, "limit", 5)));
        JsonNode expected = JSON.readTree(Fixtures.body("search_run_and.json"));
        assertEquals(expected.get("meta").get("total_count").asLong(), num(m.get("total_count")));
        List<Object> rows = (List<Object>) m.get("traces");
        assertEquals(expected.get("data").size(), rows.size());
        assertEquals(expected.get("data").get(0).get("trace_id").asText(), ((Map<String, Object>) rows.get(0)).get("trace_id"));
        // the same expression as JSON text
        assertFalse(call("search_traces", Map.of("filter", Json.MAPPER.writeValueAsString(filter), "limit", 5)).isError());

        server.resetRequests();
        CallToolResult bad = call("search_traces", Map.of("filter", Map.of("op", "EQ", "key", "agent", "value", "x")));
        assertTrue(bad.isError());
        assertTrue(text(bad).startsWith("filter: unknown field 'agent' (AgentOS would silently match nothing); fields: status, "),
                text(bad));
        CallToolResult in = call("search_traces", Map.of("filter", Map.of("op", "IN", "key", "status", "value", List.of("OK"))));
        assertTrue(text(in).contains("IN needs \"values\" (plural)"), text(in));
        CallToolResult deep = call("search_traces", Map.of("filter", nest(12)));
        assertTrue(text(deep).contains("nests deeper than 10 levels"), text(deep));
        CallToolResult op = call("search_traces", Map.of("filter", Map.of("op", "CONTAINS", "key", "duration_ms", "value", 3)));
        assertTrue(text(op).contains("duration_ms takes EQ, NEQ, GT, GTE, LT, LTE, not CONTAINS"), text(op));
        server.verify(0, postRequestedFor(urlPathEqualTo("/traces/search")));
    }

    static Map<String, Object> nest(int depth) {
        Map<String, Object> leaf = Map.of("op", "EQ", "key", "status", "value", "OK");
        Map<String, Object> n = leaf;
        for (int i = 1; i < depth; i++) {
            n = Map.of("op", "NOT", "condition", n);
        }
        return n;
    }

    @Test
    void latestTraceForAnAgentIsItsNewestTraceInFull() {
        CallToolResult r = call("latest_trace", Map.of("agent_id", "ops-agent"));
        Map<String, Object> m = structured(r);
        assertEquals(PLAIN, m.get("trace_id"), "8833… is the newest ops-agent trace");
        assertTrue(text(r).startsWith("Trace " + PLAIN), text(r));
        assertTrue(call("latest_trace", Map.of("agent_id", "ops-agent", "wait_seconds", 5)).isError(),
                "waiting needs a run id");
        server.verify(0, postRequestedFor(anyUrl()));
    }
}
