package dev.agentos.traces.cli;

import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.query.TraceTarget;
import java.time.Instant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** "One trace, or every trace the filters match" as flags: TRACE_ID or --run-id, else the filters and --max-traces. */
final class TargetOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TRACE_ID", description = "One trace (or use --run-id).")
    String traceId;

    @Mixin
    FilterMixin filters;

    @Option(names = "--max-traces", defaultValue = "" + TraceScan.DEFAULT_LIMIT, paramLabel = "N",
            description = "With filters: most traces to read, newest first, up to " + TraceScan.MAX_LIMIT
                    + ". Default: ${DEFAULT-VALUE}.")
    int maxTraces;

    /** The CLI's one reading of a target; a trace with filters is refused as the tools refuse it. */
    TraceTarget read(ConnectionOptions o, Instant now) {
        Bounds.check("--max-traces", maxTraces, 1, TraceScan.MAX_LIMIT);
        return filters.target(traceId, maxTraces, o.defaultDbId(), now);
    }
}
