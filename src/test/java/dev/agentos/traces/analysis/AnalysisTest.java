package dev.agentos.traces.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.Paging;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.testsupport.FixtureAgentOs;
import dev.agentos.traces.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Token sums, failures, ordering and paging over the real traces. */
class AnalysisTest {

    @RegisterExtension
    static final FixtureAgentOs agentOs = new FixtureAgentOs();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneTraceToTheLastToken() {
        TokenUsage u = TokenUsage.of(agentOs.client().getTrace("16a3d91143cd09bae7f87594b93c261c", null));
        assertEquals(143, u.inputTokens());
        assertEquals(52, u.outputTokens());
        assertEquals(195, u.totalTokens());
        assertEquals(2, u.calls().size());
        assertEquals(List.of("offline-sim-2"), List.copyOf(u.byModel().keySet()));
        assertTrue(u.matchesRootTotals());
        TokenUsage team = TokenUsage.of(agentOs.client().getTrace("adeaf270dc73dcf3839ce972cfb6779f", null));
        assertEquals(885, team.inputTokens(), "the members' nested LLM spans count too");
        assertEquals(64, team.outputTokens());
        assertEquals(2, team.byModel().size());
        assertTrue(team.matchesRootTotals());
    }

    /** Every LLM span of every trace, summed by model straight from the raw JSON. */
    static Map<String, long[]> expectedByModel() throws Exception {
        Map<String, long[]> byModel = new TreeMap<>();
        List<JsonNode> stack = new ArrayList<>();
        JSON.readTree(Fixtures.body("search_all_runs_limit100.json")).get("data").forEach(t -> t.get("tree").forEach(stack::add));
        while (!stack.isEmpty()) {
            JsonNode n = stack.remove(stack.size() - 1);
            if ("LLM".equals(n.path("type").asText())) {
                long[] v = byModel.computeIfAbsent(n.path("metadata").path("model").asText(), k -> new long[3]);
                v[0] += n.path("metadata").path("input_tokens").asLong();
                v[1] += n.path("metadata").path("output_tokens").asLong();
                v[2]++;
            }
            n.path("spans").forEach(stack::add);
        }
        return byModel;
    }

    @Test
    void allTwentyTwoTracesByModelEqualTheRawSums() throws Exception {
        Page<TraceDetail> all = agentOs.client().searchRuns(null, 1, 100, null);
        List<TokenUsage> usages = new ArrayList<>();
        all.data().forEach(d -> usages.add(TokenUsage.of(d)));
        TokenTotals t = TokenTotals.of(usages);
        Map<String, long[]> expected = expectedByModel();
        assertEquals(expected.keySet(), t.byModel().keySet());
        long in = 0;
        long out = 0;
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            TokenUsage.ModelTokens m = t.byModel().get(e.getKey());
            assertEquals(e.getValue()[0], m.inputTokens(), e.getKey());
            assertEquals(e.getValue()[1], m.outputTokens(), e.getKey());
            assertEquals(e.getValue()[2], m.calls(), e.getKey());
            in += e.getValue()[0];
            out += e.getValue()[1];
        }
        assertEquals(22, t.tracesRead());
        assertEquals(in, t.inputTokens());
        assertEquals(out, t.outputTokens());
        assertTrue(t.mismatchedTraceIds().isEmpty(), "every root's totals equal its LLM spans");
    }

    @Test
    void aTraceThatSaysOkButHasAFailedTool() {
        TraceDetail d = agentOs.client().getTrace("16a3d91143cd09bae7f87594b93c261c", null);
        List<SpanFailures.Failure> f = SpanFailures.of(d);
        assertEquals(1, f.size());
        assertEquals("lookup_inventory", f.get(0).toolName());
        assertEquals("status OK, but 1 span failed; first: tool lookup_inventory (Inventory service unavailable for item "
                + "'nuts' (simulated outage))", SpanFailures.verdict(d, f));
        TraceDetail crash = agentOs.client().getTrace("469f4c784c3af13a30c8322e6fe66073", null);
        assertTrue(SpanFailures.of(crash).isEmpty());
        assertTrue(SpanFailures.verdict(crash, List.of()).startsWith("every span says OK, but LLM call OfflineSim.ainvoke"));
        TraceDetail fine = agentOs.client().getTrace("0809167314b7f072717716997a701ef0", null);
        assertNull(SpanFailures.verdict(fine, SpanFailures.of(fine)));
    }

    @Test
    void orderingByEachKeyIsStable() {
        List<TraceSummary> all = new ArrayList<>(agentOs.client().listTraces(TraceFilter.NONE, 1, 100).data());
        List<TraceSummary> byErrors = new ArrayList<>(all);
        byErrors.sort(TraceOrder.ERROR_COUNT.comparator(true));
        assertEquals(List.of(1, 1, 1, 1, 0), byErrors.subList(0, 5).stream().map(TraceSummary::errorCount).toList());
        assertTrue(byErrors.get(0).startTime().isAfter(byErrors.get(1).startTime()), "ties: newest first");
        List<TraceSummary> byDuration = new ArrayList<>(all);
        byDuration.sort(TraceOrder.DURATION.comparator(false));
        for (int i = 1; i < byDuration.size(); i++) {
            assertTrue(byDuration.get(i - 1).duration().compareTo(byDuration.get(i).duration()) <= 0);
        }
        assertEquals(TraceOrder.TOTAL_SPANS, TraceOrder.parse("Total_Spans"));
        assertThrows(ArgumentException.class, () -> TraceOrder.parse("tokens"));
        assertThrows(ArgumentException.class, () -> TraceOrder.parseDescending("up"));
    }

    @Test
    void sessionTotalsAndBoundedPaging() {
        SessionTotals t = SessionTotals.of(agentOs.client().sessionStats(TraceFilter.NONE, 1, 20).data());
        assertEquals(3, t.sessions());
        assertEquals(21, t.traces());
        Paging.Scan<TraceSummary> cut = Paging.scan(p -> agentOs.client().listTraces(TraceFilter.NONE, p, 5), 7);
        assertEquals(7, cut.items().size());
        assertTrue(cut.truncated());
        assertEquals(21, cut.totalCount());
        assertEquals(2, cut.pagesRead());
        Paging.Scan<TraceSummary> whole = Paging.scan(p -> agentOs.client().listTraces(TraceFilter.NONE, p, 100), 1000); // one page of 21
        assertEquals(21, whole.items().size());
        assertTrue(!whole.truncated());
    }
}
