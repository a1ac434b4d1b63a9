package dev.agentos.traces.query;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Two windows of the same filter, a baseline and the window inspected, each read by {@link TraceSource} (the
 * baseline first, so its runs are known before the window's arrive). Each scan is exactly what
 * {@code total_tokens} with the same filter and times reads.
 */
public final class PeriodScan {

    /** The window inspected when no start is given: the last 24 hours. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** The baseline {@code find_anomalies} learns from when none is given: the 7 days before the window. */
    public static final Duration ANOMALY_BASELINE = Duration.ofDays(7);

    private PeriodScan() {
    }

    /** @param baselineRule how the baseline was chosen, for the output ("given", "7 days before the window", …) */
    public record Periods(TraceFilter baseline, TraceFilter window, String baselineRule) {
    }

    /**
     * The windows: the inspected one from {@code filter}'s times (end default: none, i.e. now; start default: 24 h
     * before the end); the baseline from {@code baselineStart}/{@code baselineEnd}, by default ending
     * where the window starts and lasting {@code baselineLength} (null: as long as the window).
     */
    public static Periods resolve(TraceFilter filter, Instant baselineStart, Instant baselineEnd,
            Duration baselineLength, Instant now) {
        if (filter.runId() != null) {
            throw new ArgumentException("run_id selects one run; compare periods by agent, team, workflow, user or "
                    + "session instead.");
        }
        Instant end = filter.endTime() != null ? filter.endTime() : now;
        Instant start = filter.startTime() != null ? filter.startTime() : end.minus(DEFAULT_WINDOW);
        if (!start.isBefore(end)) {
            throw new ArgumentException("start_time (" + start + ") must be before end_time (" + end + ").");
        }
        Instant bEnd = baselineEnd != null ? baselineEnd : start;
        Duration length = baselineLength != null ? baselineLength : Duration.between(start, end);
        Instant bStart = baselineStart != null ? baselineStart : bEnd.minus(length);
        if (!bStart.isBefore(bEnd)) {
            throw new ArgumentException("baseline_start (" + bStart + ") must be before baseline_end (" + bEnd + ").");
        }
        if (bEnd.isAfter(start) && bStart.isBefore(end)) {
            throw new ArgumentException("The baseline (" + bStart + " to " + bEnd + ") overlaps the window (" + start
                    + " to " + end + "); give a baseline_end at or before start_time.");
        }
        String rule = baselineStart != null && baselineEnd != null ? "given"
                : baselineStart == null && baselineEnd == null
                        ? (baselineLength != null ? days(length) : "as long as the window") + ", right before it"
                        : "given in part; " + (baselineStart == null ? "start " + days(length) + " before its end"
                                : "ends where the window starts");
        TraceFilter window = new TraceFilter(null, filter.sessionId(), filter.userId(), filter.agentId(),
                filter.teamId(), filter.workflowId(), filter.status(), start, filter.endTime(), filter.dbId());
        TraceFilter baseline = new TraceFilter(null, filter.sessionId(), filter.userId(), filter.agentId(),
                filter.teamId(), filter.workflowId(), filter.status(), bStart, bEnd, filter.dbId());
        return new Periods(baseline, window, rule);
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 && d.toHours() > 0 ? d.toDays() + (d.toDays() == 1 ? " day" : " days")
                : d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    public record Stats(TraceScan.Stats baseline, TraceScan.Stats window) {
        public int requests() {
            return baseline.requests() + window.requests();
        }
    }

    /** Reads the baseline, then the window, at most {@code maxTraces} each; progress counts both. */
    public static Stats scan(AgentOsClient client, Periods p, int maxTraces, Instant asOf, ScanControl control,
            Consumer<TraceDetail> baselineSink, Consumer<TraceDetail> windowSink) {
        TraceSource source = TraceSource.of(client); // the HTTP API, or the database in database mode
        TraceScan.Stats b = source.scan(p.baseline(), maxTraces, asOf, control, baselineSink);
        ScanControl after = new ScanControl() {
            @Override
            public void progress(long done, long total) {
                control.progress(b.read() + done, total == 0 ? 0 : b.read() + total);
            }

            @Override
            public boolean cancelled() {
                return control.cancelled();
            }
        };
        TraceScan.Stats w = source.scan(p.window(), maxTraces, asOf, after, windowSink);
        return new Stats(b, w);
    }
}
