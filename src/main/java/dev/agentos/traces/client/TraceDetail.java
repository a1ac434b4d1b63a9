package dev.agentos.traces.client;

import java.util.List;
import java.util.function.Consumer;

/** {@code GET /traces/{id}}: the summary fields plus output, error and the span tree. */
public record TraceDetail(TraceSummary summary, String output, String error, List<TraceNode> tree) {

    public TraceDetail {
        tree = List.copyOf(tree);
    }

    public String traceId() {
        return summary.traceId();
    }

    /** Visits every span, parents before children. */
    public void forEachSpan(Consumer<TraceNode> visitor) {
        for (TraceNode root : tree) {
            root.walk(visitor);
        }
    }
}
