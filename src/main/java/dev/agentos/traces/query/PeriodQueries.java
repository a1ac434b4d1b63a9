package dev.agentos.traces.query;

import dev.agentos.traces.analysis.Anomalies;
import dev.agentos.traces.analysis.PeriodStats;
import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.client.AgentOsClient;
import java.time.Instant;

/** The two questions asked of a baseline and a window: what was unusual, and what changed. */
public final class PeriodQueries {

    private PeriodQueries() {
    }

    public record AnomalyAnswer(Anomalies.Result result, PeriodScan.Periods periods, PeriodScan.Stats scans) {
    }

    public static AnomalyAnswer anomalies(AgentOsClient client, PeriodScan.Periods p, int maxTraces, Instant asOf,
            ScanControl control) {
        Anomalies a = new Anomalies();
        PeriodScan.Stats s = PeriodScan.scan(client, p, maxTraces, asOf, control, a::addBaseline, a::addWindow);
        return new AnomalyAnswer(a.result(), p, s);
    }

    public record TrendAnswer(PeriodStats.Summary before, PeriodStats.Summary after, PeriodScan.Periods periods,
            PeriodScan.Stats scans, Pricing pricing) {
    }

    public static TrendAnswer trend(AgentOsClient client, PeriodScan.Periods p, int maxTraces, boolean byDay,
            Instant asOf, ScanControl control) {
        PeriodStats before = new PeriodStats(byDay);
        PeriodStats after = new PeriodStats(byDay);
        PeriodScan.Stats s = PeriodScan.scan(client, p, maxTraces, asOf, control, before::add, after::add);
        Pricing pricing = Pricing.current();
        return new TrendAnswer(before.summary(pricing), after.summary(pricing), p, s, pricing);
    }
}
