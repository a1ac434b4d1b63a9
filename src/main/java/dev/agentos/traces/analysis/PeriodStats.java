package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One period's runs summed up: over all runs, per agent/team/workflow, per model and (optionally) per UTC day
 * of the run's start. Runs, tokens per run (p50/p95, nearest rank as {@code slow_spans}), total tokens (as
 * {@code total_tokens}), estimated cost (as {@code token_cost}), duration p50/p95 and the share of runs with
 * errors (as {@code find_errors}' traces with errors). Keeps a few numbers per run, never the trace.
 */
public final class PeriodStats {

    /** {@code errorRuns}: runs with a failed span, status ERROR or an LLM call that failed silently. */
    public record Row(String key, int runs, long tokensP50, long tokensP95, long totalTokens, CostEstimate.Result cost,
            long durationP50Micros, long durationP95Micros, int errorRuns) {
        public double errorRate() {
            return runs == 0 ? 0 : (double) errorRuns / runs;
        }
    }

    /**
     * One model: the runs that called it, its calls, its tokens per such run, its cost, the duration of its calls
     * and how many of them failed (status ERROR, or no output and no token counts).
     */
    public record ModelRow(String model, int runs, int calls, long tokensP50, long tokensP95, long totalTokens,
            CostEstimate.Result cost, long callP50Micros, long callP95Micros, int failedCalls) {
        public double failureRate() {
            return calls == 0 ? 0 : (double) failedCalls / calls;
        }
    }

    public record Summary(Row all, List<Row> components, List<ModelRow> models, List<Row> days) {
    }

    private static final class Acc {
        int runs;
        final Longs tokens = new Longs();
        final Longs micros = new Longs();
        int errors;
        final Map<String, TokenUsage.ModelTokens> byModel = new TreeMap<>();

        void add(RunMetrics r) {
            runs++;
            tokens.add(r.tokens());
            micros.add(r.durationMicros());
            if (r.hasErrors()) {
                errors++;
            }
            r.models().forEach((m, t) -> byModel.merge(m, t, Acc::plus));
        }

        static TokenUsage.ModelTokens plus(TokenUsage.ModelTokens a, TokenUsage.ModelTokens b) {
            return new TokenUsage.ModelTokens(a.model(), a.inputTokens() + b.inputTokens(),
                    a.outputTokens() + b.outputTokens(), a.calls() + b.calls());
        }

        Row row(String key, Pricing pricing) {
            long[] t = tokens.sorted();
            long[] d = micros.sorted();
            return new Row(key, runs, RobustStats.percentile(t, 50), RobustStats.percentile(t, 95), tokens.sum(),
                    CostEstimate.of(byModel, pricing), RobustStats.percentile(d, 50), RobustStats.percentile(d, 95),
                    errors);
        }
    }

    private static final class ModelAcc {
        int runs;
        final Longs tokensPerRun = new Longs();
        final Longs callMicros = new Longs();
        int failed;
        TokenUsage.ModelTokens tokens;
    }

    private final boolean byDay;
    private final Acc all = new Acc();
    private final Map<String, Acc> components = new TreeMap<>();
    private final Map<String, Acc> days = new TreeMap<>();
    private final Map<String, ModelAcc> models = new TreeMap<>();

    public PeriodStats(boolean byDay) {
        this.byDay = byDay;
    }

    public void add(TraceDetail d) {
        RunMetrics r = RunMetrics.of(d);
        all.add(r);
        components.computeIfAbsent(r.component(), k -> new Acc()).add(r);
        if (byDay) {
            days.computeIfAbsent(day(d), k -> new Acc()).add(r);
        }
        r.models().forEach((m, t) -> {
            ModelAcc a = models.computeIfAbsent(m, k -> new ModelAcc());
            a.runs++;
            a.tokensPerRun.add(t.totalTokens());
            a.tokens = a.tokens == null ? t : Acc.plus(a.tokens, t);
        });
        d.forEachSpan(n -> {
            if (n.isLlm()) {
                ModelAcc a = models.get(n.model() == null ? TokenUsage.UNKNOWN_MODEL : n.model());
                a.callMicros.add(n.duration().toNanos() / 1_000);
                if (n.failed() || n.output() == null && n.inputTokens() == null && n.outputTokens() == null) {
                    a.failed++;
                }
            }
        });
    }

    /** The UTC calendar day a run started on, as {@code total_tokens group_by=day} keys it. */
    public static String day(TraceDetail d) {
        return GroupBy.DAY.keyOf(d.summary());
    }

    public Summary summary(Pricing pricing) {
        List<Row> comps = new ArrayList<>();
        components.forEach((k, a) -> comps.add(a.row(k, pricing)));
        comps.sort(Comparator.comparingLong(Row::totalTokens).reversed().thenComparing(Row::key));
        List<Row> dayRows = new ArrayList<>();
        days.forEach((k, a) -> dayRows.add(a.row(k, pricing)));
        List<ModelRow> modelRows = new ArrayList<>();
        models.forEach((m, a) -> {
            long[] t = a.tokensPerRun.sorted();
            long[] c = a.callMicros.sorted();
            modelRows.add(new ModelRow(m, a.runs, a.tokens.calls(), RobustStats.percentile(t, 50),
                    RobustStats.percentile(t, 95), a.tokens.totalTokens(), CostEstimate.of(Map.of(m, a.tokens), pricing),
                    RobustStats.percentile(c, 50), RobustStats.percentile(c, 95), a.failed));
        });
        modelRows.sort(Comparator.comparingLong(ModelRow::totalTokens).reversed().thenComparing(ModelRow::model));
        return new Summary(all.row("all", pricing), List.copyOf(comps), List.copyOf(modelRows), List.copyOf(dayRows));
    }

    static String utcDay(java.time.Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
