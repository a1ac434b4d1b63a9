package dev.agentos.traces.cli;

import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.PeriodScan;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The baseline window of {@code anomalies} and {@code trend} (the inspected window is --start-time/--end-time). */
final class PeriodOptions {

    @Option(names = "--baseline-start", paramLabel = "TIME",
            description = "Baseline from TIME (same forms as --since). Default: as long before --baseline-end as "
                    + "the command's default baseline.")
    String baselineStart;

    @Option(names = "--baseline-end", paramLabel = "TIME",
            description = "Baseline up to TIME. Default: where the window starts.")
    String baselineEnd;

    PeriodScan.Periods periods(TraceFilter window, Duration baselineLength, Instant now) {
        return PeriodScan.resolve(window, Times.parseUserTime("--baseline-start", baselineStart, now),
                Times.parseUserTime("--baseline-end", baselineEnd, now), baselineLength, now);
    }
}
