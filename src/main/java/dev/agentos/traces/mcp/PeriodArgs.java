package dev.agentos.traces.mcp;

import dev.agentos.traces.query.PeriodScan;
import java.time.Duration;

/** The baseline window of find_anomalies and compare_periods, read and described the same way. */
final class PeriodArgs {

    private PeriodArgs() {
    }

    static final String BASELINE_START = Schemas.TIME.formatted("Baseline start");
    static final String BASELINE_END = Schemas.TIME.formatted("Baseline end (default: start_time)");

    /** @param baselineLength the baseline's length when its start is not given (null: the window's) */
    static PeriodScan.Periods periods(ToolArgs a, Duration baselineLength) {
        return PeriodScan.resolve(ScanArgs.filter(a), a.time("baseline_start"), a.time("baseline_end"), baselineLength,
                a.now());
    }
}
