package dev.agentos.traces.mcp;

import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.query.TraceTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * "One trace, or every trace a filter matches": trace_id or run_id, else the scan filters and max_traces.
 * Read into a {@link TraceTarget}, which refuses a mix of the two.
 */
final class TargetParams implements InputPart {

    static final Param<String> TRACE_ID = Param.id("trace_id", "One trace");
    static final Param<String> RUN_ID = Param.id("run_id", "One trace, by run");
    static final Param<Integer> MAX_TRACES = Param.integer("max_traces", 1, TraceScan.MAX_LIMIT, TraceScan.DEFAULT_LIMIT,
            null);

    /** One trace or a scan, as most answer tools take it. */
    static final TargetParams ONE_OR_SCAN = new TargetParams();

    private final List<Param<?>> scanOnly;

    /** @param scanOnly further arguments that only make sense for a scan (a mix is refused) */
    TargetParams(Param<?>... scanOnly) {
        this.scanOnly = List.of(scanOnly);
    }

    @Override
    public List<Param<?>> params() {
        List<Param<?>> all = new ArrayList<>(List.of(TRACE_ID, RUN_ID));
        all.addAll(FilterParams.SCAN.params());
        all.add(MAX_TRACES);
        all.addAll(scanOnly);
        return all;
    }

    TraceTarget read(ToolArgs a) {
        TraceFilter f = FilterParams.SCAN.read(a).toBuilder().runId(RUN_ID.read(a)).build();
        boolean scanOnlyGiven = MAX_TRACES.given(a) || scanOnly.stream().anyMatch(p -> p.given(a));
        return TraceTarget.of(TRACE_ID.read(a), f, MAX_TRACES.read(a), scanOnlyGiven, "trace_id/run_id");
    }
}
