package dev.agentos.traces.render;

import dev.agentos.traces.analysis.CostEstimate;
import dev.agentos.traces.analysis.ErrorGroups;
import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.query.TokenQuery;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.testsupport.FixtureAgentOs;
import dev.agentos.traces.testsupport.Golden;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The answers a model reads most (errors, cost, and the scan footer every aggregation ends with), for the
 * real fixtures, compared with reviewed golden files.
 */
class ScanAnswerGoldenTest {

    @RegisterExtension
    static final FixtureAgentOs agentOs = new FixtureAgentOs();

    static final Instant AS_OF = Instant.parse("2026-11-24T12:00:00Z");
    static final Pricing PRICES = new Pricing("test table", "2026-11-01", "USD",
            Map.of("offline-sim-1", new Pricing.Price(new BigDecimal("1.5"), new BigDecimal("6")),
                    "offline-sim-2", new Pricing.Price(new BigDecimal("3"), new BigDecimal("15"))));

    @Test
    void errorsOverEveryTrace() {
        ErrorGroups errors = new ErrorGroups();
        TraceScan.Stats s = TraceScan.scan(agentOs.client(), TraceFilter.NONE, 1000, AS_OF, ScanControl.NONE, errors::add);
        Golden.assertMatches("golden/errors_all.txt",
                ErrorsView.text(errors.result(), s, TraceFilter.NONE, ErrorsView.DEFAULT_MAX_GROUPS, Hints.MCP));
    }

    @Test
    void costOverEveryTraceWithTheScanFooter() {
        TokenQuery.Result r = TokenQuery.overFilter(agentOs.client(), TraceFilter.NONE, 1000, AS_OF, ScanControl.NONE);
        CostEstimate.Result c = CostEstimate.of(r.totals().byModel(), PRICES);
        Golden.assertMatches("golden/cost_all.txt", CostView.text(r.scan().read() + " traces", c, PRICES,
                ScanView.footer(r.scan(), TokensView.filterLabel(TraceFilter.NONE), Hints.MCP)));
    }

    @Test
    void costOfOneTraceWithAnUnpricedModel() {
        TraceDetail d = agentOs.client().getTrace("adeaf270dc73dcf3839ce972cfb6779f", null);
        TokenUsage u = TokenUsage.of(d);
        Pricing onlyOne = new Pricing("test table", "2026-11-01", "USD",
                Map.of("offline-sim-1", new Pricing.Price(new BigDecimal("1.5"), new BigDecimal("6"))));
        Golden.assertMatches("golden/cost_team_trace.txt",
                CostView.text("trace " + d.traceId() + " (" + u.totalTokens() + " tokens)",
                        CostEstimate.of(u.byModel(), onlyOne), onlyOne, null));
    }
}
