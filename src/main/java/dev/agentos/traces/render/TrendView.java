package dev.agentos.traces.render;

import dev.agentos.traces.analysis.CostEstimate;
import dev.agentos.traces.analysis.PeriodComparison;
import dev.agentos.traces.analysis.PeriodComparison.Change;
import dev.agentos.traces.analysis.PeriodStats;
import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.PeriodScan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code compare_periods}: two periods side by side, per agent/team/workflow and per model, and a daily series. */
public final class TrendView {

    static final int MAX_ROWS = 20;
    /** Days in the series at most (the latest are kept). */
    public static final int MAX_DAYS = 400;
    static final int TEXT_DAYS = 31;

    private TrendView() {
    }

    /** Both periods summed up, as the scans found them. */
    public record Trend(PeriodScan.Periods periods, PeriodScan.Stats scans, PeriodStats.Summary before,
            PeriodStats.Summary after, Pricing pricing, boolean byDay) {

        public static Trend of(dev.agentos.traces.query.PeriodQueries.TrendAnswer a, boolean byDay) {
            return new Trend(a.periods(), a.scans(), a.before(), a.after(), a.pricing(), byDay);
        }
    }

    /** One UTC day of one period; {@code row} null: no runs that day. */
    public record DayPoint(String day, String period, PeriodStats.Row row) {
    }

    public static String text(Trend t, Hints hints, boolean sparkline, boolean utf8) {
        StringBuilder b = new StringBuilder();
        b.append("Window ").append(range(t.periods().window(), t.scans().window().asOf())).append(" vs baseline ")
                .append(range(t.periods().baseline(), t.scans().baseline().asOf())).append(" (")
                .append(t.periods().baselineRule()).append("). ! marks a change of ")
                .append(Math.round(PeriodComparison.THRESHOLD * 100)).append("% or more (error rate: ")
                .append(Math.round(PeriodComparison.RATE_POINTS * 100)).append(" points).\n");
        b.append(row("all", t.before().all(), t.after().all(), t.pricing())).append('\n');
        b.append("By agent/team/workflow:\n");
        List<PeriodComparison.Pair<PeriodStats.Row>> comps = PeriodComparison.pair(t.before().components(),
                t.after().components(), PeriodStats.Row::key);
        int n = 0;
        for (PeriodComparison.Pair<PeriodStats.Row> p : comps) {
            if (n++ == MAX_ROWS || Text.full(b)) {
                b.append("  …[").append(comps.size() - n + 1).append(" more; filter by agent_id/team_id/workflow_id]\n");
                break;
            }
            b.append("  ").append(row(Text.line(p.key(), 80), p.before(), p.after(), t.pricing())).append('\n');
        }
        b.append("By model (runs that called it; tokens are that model's; duration and failures per call):\n");
        List<PeriodComparison.Pair<PeriodStats.ModelRow>> models = PeriodComparison.pair(t.before().models(),
                t.after().models(), PeriodStats.ModelRow::model);
        n = 0;
        for (PeriodComparison.Pair<PeriodStats.ModelRow> p : models) {
            if (n++ == MAX_ROWS || Text.full(b)) {
                b.append("  …[").append(models.size() - n + 1).append(" more models]\n");
                break;
            }
            b.append("  ").append(modelRow(Text.line(p.key(), 80), p.before(), p.after(), t.pricing())).append('\n');
        }
        if (t.byDay()) {
            List<DayPoint> days = series(t);
            if (sparkline) {
                b.append("tokens per day: ").append(spark(days, utf8)).append('\n');
            }
            b.append("Daily (UTC day of each run's start):\n");
            List<DayPoint> shown = days.subList(Math.max(0, days.size() - TEXT_DAYS), days.size());
            if (shown.size() < days.size()) {
                b.append("  …[").append(days.size() - shown.size()).append(" earlier days in the structured output]\n");
            }
            for (DayPoint d : shown) {
                if (Text.full(b)) {
                    b.append("  …[later days in the structured output (text budget)]\n");
                    break;
                }
                b.append("  ").append(d.day()).append(' ').append(d.period()).append(": ");
                if (d.row() == null) {
                    b.append("no runs\n");
                } else {
                    PeriodStats.Row r = d.row();
                    b.append(r.runs()).append(r.runs() == 1 ? " run, " : " runs, ").append(r.totalTokens())
                            .append(" tokens, ").append(cost(r.cost(), t.pricing())).append(", duration p50 ")
                            .append(ms(r.durationP50Micros())).append(", errors ").append(pct(r.errorRate())).append('\n');
                }
            }
        }
        b.append("Costs are estimates: tokens × list prices as of ").append(t.pricing().asOf())
                .append(" (agentos://pricing); tokens as total_tokens, durations as slow_spans on the same window.\n");
        b.append("baseline ").append(ScanView.footer(t.scans().baseline(), TokensView.filterLabel(t.periods().baseline()),
                hints));
        b.append("inspected ").append(ScanView.footer(t.scans().window(), TokensView.filterLabel(t.periods().window()), hints));
        return b.toString().strip();
    }

    static String range(TraceFilter f, Instant asOf) {
        return Text.time(f.startTime()) + " → " + (f.endTime() == null ? "now (" + Text.time(asOf) + ")"
                : Text.time(f.endTime()));
    }

    static String row(String key, PeriodStats.Row a, PeriodStats.Row b, Pricing p) {
        if (a == null || b == null) {
            PeriodStats.Row only = a == null ? b : a;
            return key + ": " + (a == null ? "new, " : "gone, ") + only.runs() + " runs in the "
                    + (a == null ? "window" : "baseline only") + "; tokens/run p50 " + only.tokensP50() + ", total "
                    + only.totalTokens() + ", " + cost(only.cost(), p) + ", duration p50 " + ms(only.durationP50Micros())
                    + ", errors " + pct(only.errorRate());
        }
        return key + ": " + String.join("; ",
                count("runs", a.runs(), b.runs()),
                count("tokens/run p50", a.tokensP50(), b.tokensP50()) + ", p95 " + change(a.tokensP95(), b.tokensP95(),
                        Long.toString(a.tokensP95()), Long.toString(b.tokensP95())),
                count("total tokens", a.totalTokens(), b.totalTokens()),
                costChange(a.cost(), b.cost(), p),
                "duration p50 " + change(a.durationP50Micros(), b.durationP50Micros(), ms(a.durationP50Micros()),
                        ms(b.durationP50Micros())) + ", p95 " + change(a.durationP95Micros(), b.durationP95Micros(),
                        ms(a.durationP95Micros()), ms(b.durationP95Micros())),
                "errors " + rate(a.errorRate(), b.errorRate()));
    }

    static String modelRow(String key, PeriodStats.ModelRow a, PeriodStats.ModelRow b, Pricing p) {
        if (a == null || b == null) {
            PeriodStats.ModelRow only = a == null ? b : a;
            return key + ": " + (a == null ? "new, " : "gone, ") + only.runs() + " runs, " + only.calls() + " calls, "
                    + only.totalTokens() + " tokens, " + cost(only.cost(), p) + " in the "
                    + (a == null ? "window" : "baseline only");
        }
        return key + ": " + String.join("; ", count("runs", a.runs(), b.runs()), count("calls", a.calls(), b.calls()),
                count("tokens/run p50", a.tokensP50(), b.tokensP50()), count("total tokens", a.totalTokens(),
                        b.totalTokens()),
                costChange(a.cost(), b.cost(), p),
                "call p50 " + change(a.callP50Micros(), b.callP50Micros(), ms(a.callP50Micros()), ms(b.callP50Micros())),
                "failed calls " + rate(a.failureRate(), b.failureRate()));
    }

    /** "cost $1.20 → $1.50 (+25.0%) !", or "no price known" when neither period has a priced model. */
    static String costChange(CostEstimate.Result a, CostEstimate.Result b, Pricing p) {
        if (a.priced().isEmpty() && b.priced().isEmpty()) {
            return "cost: no price known";
        }
        return "cost " + change(a.total().doubleValue(), b.total().doubleValue(), cost(a, p), cost(b, p));
    }

    static String count(String label, long a, long b) {
        return label + " " + change(a, b, Long.toString(a), Long.toString(b));
    }

    static String change(double a, double b, String as, String bs) {
        Change c = PeriodComparison.of(a, b);
        return as + " → " + bs + delta(c) + (c.marked() ? " !" : "");
    }

    static String rate(double a, double b) {
        Change c = PeriodComparison.rate(a, b);
        return pct(a) + " → " + pct(b) + (a == b ? "" : String.format(Locale.ROOT, " (%+.1f points)", 100 * (b - a)))
                + (c.marked() ? " !" : "");
    }

    static String delta(Change c) {
        if (c.before() == c.after()) {
            return "";
        }
        return c.pct() == null ? " (new)" : String.format(Locale.ROOT, " (%+.1f%%)", 100 * c.pct());
    }

    static String pct(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    static String ms(long micros) {
        return Times.format(Duration.ofNanos(micros * 1_000));
    }

    static String cost(CostEstimate.Result c, Pricing p) {
        return CostView.money(c.total(), p.currency()) + (c.unpricedTokens() > 0 ? " (" + c.unpricedTokens()
                + " tokens unpriced)" : "");
    }

    /** Every day of both periods, empty days included, the latest {@link #MAX_DAYS}. */
    public static List<DayPoint> series(Trend t) {
        List<DayPoint> out = new ArrayList<>();
        days(out, "baseline", t.periods().baseline(), t.scans().baseline().asOf(), t.before().days());
        days(out, "window", t.periods().window(), t.scans().window().asOf(), t.after().days());
        return out.subList(Math.max(0, out.size() - MAX_DAYS), out.size());
    }

    private static void days(List<DayPoint> out, String period, TraceFilter f, Instant asOf,
            List<PeriodStats.Row> rows) {
        Map<String, PeriodStats.Row> byDay = new java.util.HashMap<>();
        for (PeriodStats.Row r : rows) {
            byDay.put(r.key(), r);
        }
        LocalDate from = f.startTime().atOffset(ZoneOffset.UTC).toLocalDate();
        Instant endInstant = f.endTime() == null ? asOf : f.endTime();
        LocalDate to = endInstant.atOffset(ZoneOffset.UTC).toLocalDate();
        if (f.endTime() != null && endInstant.equals(to.atStartOfDay().toInstant(ZoneOffset.UTC)) && to.isAfter(from)) {
            to = to.minusDays(1); // a window that ends at midnight has no run on that day
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            from = to.minusDays(MAX_DAYS - 1);
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(new DayPoint(d.toString(), period, byDay.remove(d.toString())));
        }
        byDay.values().stream().sorted(java.util.Comparator.comparing(PeriodStats.Row::key))
                .forEach(r -> out.add(new DayPoint(r.key(), period, r))); // days outside the range (no start time)
    }

    static final String BARS = "▁▂▃▄▅▆▇█";
    static final String ASCII_BARS = "_.-=+*#@";

    /** Total tokens per day as one character each, baseline | window; a space for a day without runs. */
    static String spark(List<DayPoint> days, boolean utf8) {
        String bars = utf8 ? BARS : ASCII_BARS;
        long max = 0;
        for (DayPoint d : days) {
            max = Math.max(max, d.row() == null ? 0 : d.row().totalTokens());
        }
        StringBuilder b = new StringBuilder();
        String period = null;
        for (DayPoint d : days) {
            if (period != null && !period.equals(d.period())) {
                b.append(" | ");
            }
            period = d.period();
            long v = d.row() == null ? -1 : d.row().totalTokens();
            b.append(v < 0 ? ' ' : bars.charAt(max == 0 ? 0 : (int) Math.min(bars.length() - 1, v * bars.length() / (max + 1))));
        }
        return b + " (max " + max + ")";
    }

    // ---- structured ---------------------------------------------------------------------------------

    public static Map<String, Object> structured(Trend t) {
        Fields f = Fields.of().put("baseline_rule", t.periods().baselineRule())
                .put("threshold_pct", Math.round(PeriodComparison.THRESHOLD * 100))
                .put("total", pair("all", t.before().all(), t.after().all()));
        List<Object> comps = new ArrayList<>();
        List<PeriodComparison.Pair<PeriodStats.Row>> cp = PeriodComparison.pair(t.before().components(),
                t.after().components(), PeriodStats.Row::key);
        for (PeriodComparison.Pair<PeriodStats.Row> p : cp.subList(0, Math.min(MAX_ROWS, cp.size()))) {
            comps.add(pair(p.key(), p.before(), p.after()));
        }
        List<Object> models = new ArrayList<>();
        List<PeriodComparison.Pair<PeriodStats.ModelRow>> mp = PeriodComparison.pair(t.before().models(),
                t.after().models(), PeriodStats.ModelRow::model);
        for (PeriodComparison.Pair<PeriodStats.ModelRow> p : mp.subList(0, Math.min(MAX_ROWS, mp.size()))) {
            models.add(Fields.of().put("model", p.key()).put("before", model(p.before())).put("after", model(p.after()))
                    .put("changed", p.before() == null || p.after() == null ? null : changedModel(p.before(), p.after()))
                    .map());
        }
        f.put("components", comps).put("components_omitted", Math.max(0, cp.size() - MAX_ROWS))
                .put("models", models).put("models_omitted", Math.max(0, mp.size() - MAX_ROWS));
        if (t.byDay()) {
            List<Object> days = new ArrayList<>();
            for (DayPoint d : series(t)) {
                Fields df = Fields.of().put("day", d.day()).put("period", d.period());
                if (d.row() == null) {
                    df.put("runs", 0).put("total_tokens", 0).put("cost", 0);
                } else {
                    df.putAll(values(d.row()));
                }
                days.add(df.map());
            }
            f.put("days", days);
        }
        return f.put("currency", t.pricing().currency()).put("pricing_source", t.pricing().source())
                .put("baseline", ScanView.structured(t.scans().baseline(), t.periods().baseline()))
                .put("window", ScanView.structured(t.scans().window(), t.periods().window())).map();
    }

    private static Map<String, Object> pair(String key, PeriodStats.Row a, PeriodStats.Row b) {
        return Fields.of().put("key", key).put("before", a == null ? null : values(a).map())
                .put("after", b == null ? null : values(b).map())
                .put("changed", a == null || b == null ? null : changed(a, b)).map();
    }

    static Fields values(PeriodStats.Row r) {
        return Fields.of().put("runs", r.runs()).put("tokens_p50", r.tokensP50()).put("tokens_p95", r.tokensP95())
                .put("total_tokens", r.totalTokens()).put("cost", money(r.cost().total()))
                .put("unpriced_tokens", r.cost().unpricedTokens())
                .put("duration_p50_ms", r.durationP50Micros() / 1000.0).put("duration_p95_ms", r.durationP95Micros() / 1000.0)
                .put("error_runs", r.errorRuns()).put("error_rate", Math.round(r.errorRate() * 10_000) / 10_000.0);
    }

    private static Map<String, Object> model(PeriodStats.ModelRow r) {
        if (r == null) {
            return null;
        }
        return Fields.of().put("runs", r.runs()).put("calls", r.calls()).put("tokens_p50", r.tokensP50())
                .put("tokens_p95", r.tokensP95()).put("total_tokens", r.totalTokens()).put("cost", money(r.cost().total()))
                .put("call_p50_ms", r.callP50Micros() / 1000.0).put("call_p95_ms", r.callP95Micros() / 1000.0)
                .put("failed_calls", r.failedCalls()).map();
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(8, RoundingMode.HALF_UP);
    }

    /** {metric: change in % (null when the earlier value was 0)} for every marked metric. */
    static Map<String, Object> changed(PeriodStats.Row a, PeriodStats.Row b) {
        Fields f = Fields.of();
        mark(f, "runs", PeriodComparison.of(a.runs(), b.runs()));
        mark(f, "tokens_p50", PeriodComparison.of(a.tokensP50(), b.tokensP50()));
        mark(f, "tokens_p95", PeriodComparison.of(a.tokensP95(), b.tokensP95()));
        mark(f, "total_tokens", PeriodComparison.of(a.totalTokens(), b.totalTokens()));
        mark(f, "cost", PeriodComparison.of(a.cost().total().doubleValue(), b.cost().total().doubleValue()));
        mark(f, "duration_p50_ms", PeriodComparison.of(a.durationP50Micros(), b.durationP50Micros()));
        mark(f, "duration_p95_ms", PeriodComparison.of(a.durationP95Micros(), b.durationP95Micros()));
        mark(f, "error_rate", PeriodComparison.rate(a.errorRate(), b.errorRate()));
        return f.map();
    }

    static Map<String, Object> changedModel(PeriodStats.ModelRow a, PeriodStats.ModelRow b) {
        Fields f = Fields.of();
        mark(f, "runs", PeriodComparison.of(a.runs(), b.runs()));
        mark(f, "calls", PeriodComparison.of(a.calls(), b.calls()));
        mark(f, "total_tokens", PeriodComparison.of(a.totalTokens(), b.totalTokens()));
        mark(f, "cost", PeriodComparison.of(a.cost().total().doubleValue(), b.cost().total().doubleValue()));
        mark(f, "call_p50_ms", PeriodComparison.of(a.callP50Micros(), b.callP50Micros()));
        mark(f, "failed_call_rate", PeriodComparison.rate(a.failureRate(), b.failureRate()));
        return f.map();
    }

    private static void mark(Fields f, String key, Change c) {
        if (c.marked()) {
            f.put(key, c.pct() == null ? "new" : (Object) (Math.round(c.pct() * 1000) / 10.0));
        }
    }
}
