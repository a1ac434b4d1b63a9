package dev.agentos.traces.mcp;

import dev.agentos.traces.query.PeriodScan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two windows find_anomalies and compare_periods read: the scan filters (start_time/end_time: the inspected
 * window), the baseline's bounds and max_traces (per window), described and read together.
 */
final class PeriodParams implements InputPart {

    static final Param<Instant> BASELINE_START = Param.time("baseline_start", null);
    static final Param<Instant> BASELINE_END = Param.time("baseline_end", "default start_time");

    static final PeriodParams WINDOWS = new PeriodParams();

    @Override
    public List<Param<?>> params() {
        List<Param<?>> all = new ArrayList<>(FilterParams.SCAN.params());
        all.add(BASELINE_START);
        all.add(BASELINE_END);
        all.add(TargetParams.MAX_TRACES);
        return all;
    }

    /** @param baselineLength the baseline's length when its start is not given (null: the window's) */
    PeriodScan.Periods read(ToolArgs a, Duration baselineLength) {
        return PeriodScan.resolve(FilterParams.SCAN.read(a), BASELINE_START.read(a), BASELINE_END.read(a), baselineLength,
                a.now());
    }
}
