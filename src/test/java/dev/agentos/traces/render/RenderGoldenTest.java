package dev.agentos.traces.render;

import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.query.SessionStatsQuery;
import dev.agentos.traces.query.TokenQuery;
import dev.agentos.traces.testsupport.FixtureAgentOs;
import dev.agentos.traces.testsupport.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a model or a person reads, for the real fixtures, compared with reviewed golden files. */
class RenderGoldenTest {

    @RegisterExtension
    static final FixtureAgentOs agentOs = new FixtureAgentOs();

    static final TraceView.Options TREE = new TraceView.Options(TraceView.DEFAULT_MAX_SPANS, 0);

    @Test
    void listPage() {
        ListTraces.Result r = ListTraces.run(agentOs.client(), new ListTraces.Request(TraceFilter.NONE, 1, 5, TraceOrder.START_TIME, true));
        Golden.assertMatches("golden/list_limit5.txt", TraceListView.text(r));
    }

    @Test
    void listSortedByErrors() {
        ListTraces.Result r = ListTraces.run(agentOs.client(), new ListTraces.Request(TraceFilter.NONE, 1, 5, TraceOrder.ERROR_COUNT, true));
        Golden.assertMatches("golden/list_by_errors.txt", TraceListView.text(r));
    }

    @Test
    void traceWithFailedTool() {
        TraceDetail d = agentOs.client().getTrace("16a3d91143cd09bae7f87594b93c261c", null);
        Golden.assertMatches("golden/trace_tool_error.txt", TraceView.text(d, TREE));
        Golden.assertMatches("golden/tokens_tool_error.txt", TokensView.text(d, TokenUsage.of(d)));
    }

    @Test
    void teamTraceShowsTheMembersNestedUnderTheLeader() {
        TraceDetail d = agentOs.client().getTrace("adeaf270dc73dcf3839ce972cfb6779f", null);
        Golden.assertMatches("golden/trace_team.txt", TraceView.text(d, TREE));
    }

    @Test
    void modelErrorTraceWithIo() {
        TraceDetail d = agentOs.client().getTrace("469f4c784c3af13a30c8322e6fe66073", null);
        Golden.assertMatches("golden/trace_model_error_io.txt", TraceView.text(d, new TraceView.Options(50, 120)));
    }

    @Test
    void llmSpanWindow() {
        var span = agentOs.client().getSpan("0809167314b7f072717716997a701ef0", "e782b3e3efcb7ce8", null);
        Golden.assertMatches("golden/span_llm_window.txt", SpanView.text("0809167314b7f072717716997a701ef0", span, 0, 300));
    }

    @Test
    void sessionStats() {
        Golden.assertMatches("golden/stats.txt", SessionStatsView.text(SessionStatsQuery.run(agentOs.client(), TraceFilter.NONE, 1, 20)));
    }

    @Test
    void tokensOverEverything() {
        Golden.assertMatches("golden/tokens_all.txt",
                TokensView.text(TokenQuery.overFilter(agentOs.client(), TraceFilter.NONE, 1000,
                        java.time.Instant.parse("2026-11-24T12:00:00Z"), dev.agentos.traces.query.ScanControl.NONE),
                        TraceFilter.NONE));
    }
}
