package dev.agentos.traces.answer;

import dev.agentos.traces.analysis.Bottlenecks;
import dev.agentos.traces.analysis.CostEstimate;
import dev.agentos.traces.analysis.ErrorGroups;
import dev.agentos.traces.analysis.GroupBy;
import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.analysis.SpanLatency;
import dev.agentos.traces.analysis.TimeSplitStats;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.query.TokenQuery;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.query.TraceSource;
import dev.agentos.traces.query.TraceTarget;
import dev.agentos.traces.render.CostView;
import dev.agentos.traces.render.ErrorsView;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.SlowSpansView;
import dev.agentos.traces.render.TokensView;
import java.time.Instant;
import java.util.List;

/**
 * The questions an MCP tool and a CLI command both answer: query → analysis → render in one place, so a
 * command's {@code --json} is its tool's structuredContent. Each face only reads its arguments and prints.
 */
public final class Answers {

    private Answers() {
    }

    /** total_tokens / {@code tokens}. {@code by} applies to a scan only. */
    public static Answer tokens(AgentOsClient client, TraceTarget target, GroupBy by, Instant now, ScanControl control,
            Hints hints) {
        if (target instanceof TraceTarget.One one) {
            TraceDetail d = one.fetch(client);
            TokenUsage u = TokenUsage.of(d);
            return new Answer(TokensView.text(d, u), TokensView.structured(d, u));
        }
        TraceTarget.Scan scan = (TraceTarget.Scan) target;
        TokenQuery.Result r = TokenQuery.overFilter(client, scan.filter(), by, scan.limit(), now, control);
        return new Answer(TokensView.text(r, scan.filter(), by, hints), TokensView.structured(r, scan.filter(), by));
    }

    /** token_cost / {@code cost}: exact tokens × list prices, an estimate. */
    public static Answer cost(AgentOsClient client, TraceTarget target, Pricing pricing, Instant now, ScanControl control,
            Hints hints) {
        if (target instanceof TraceTarget.One one) {
            TraceDetail d = one.fetch(client);
            TokenUsage u = TokenUsage.of(d);
            CostEstimate.Result c = CostEstimate.of(u.byModel(), pricing);
            return new Answer(CostView.text(d, u, c, pricing), CostView.structured(d, u, c, pricing));
        }
        TraceTarget.Scan scan = (TraceTarget.Scan) target;
        TokenQuery.Result r = TokenQuery.overFilter(client, scan.filter(), scan.limit(), now, control);
        CostEstimate.Result c = CostEstimate.of(r.totals().byModel(), pricing);
        return new Answer(CostView.text(r, scan.filter(), c, pricing, hints),
                CostView.structured(r, scan.filter(), c, pricing));
    }

    /** slow_spans / {@code slow}: one trace's critical path, or latency by span name over a scan. */
    public static Answer slow(AgentOsClient client, TraceTarget target, int top, Instant now, ScanControl control,
            Hints hints) {
        if (target instanceof TraceTarget.One one) {
            TraceDetail d = one.fetch(client);
            Bottlenecks.Result r = Bottlenecks.of(d);
            return new Answer(SlowSpansView.text(d, r, top, hints), SlowSpansView.structured(d, r, top));
        }
        TraceTarget.Scan scan = (TraceTarget.Scan) target;
        SpanLatency latency = new SpanLatency();
        TimeSplitStats splits = new TimeSplitStats();
        TraceScan.Stats s = TraceSource.of(client).scan(scan.filter(), scan.limit(), now, control, t -> {
            latency.add(t);
            splits.add(t);
        });
        List<SpanLatency.Stat> stats = latency.result();
        List<TimeSplitStats.Row> runners = splits.result();
        return new Answer(SlowSpansView.text(stats, latency, runners, s, scan.filter(), top, hints),
                SlowSpansView.structured(stats, latency, runners, s, scan.filter(), top));
    }

    /** find_errors / {@code errors}: failed spans over a scan, grouped by cause. */
    public static Answer errors(AgentOsClient client, TraceFilter filter, int maxTraces, int maxGroups, Instant now,
            ScanControl control, Hints hints) {
        ErrorGroups errors = new ErrorGroups();
        TraceScan.Stats s = TraceSource.of(client).scanForErrors(filter, maxTraces, now, control, errors::add);
        ErrorGroups.Result r = errors.result();
        return new Answer(ErrorsView.text(r, s, filter, maxGroups, hints), ErrorsView.structured(r, s, filter, maxGroups));
    }
}
