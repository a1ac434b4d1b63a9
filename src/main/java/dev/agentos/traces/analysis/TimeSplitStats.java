package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TimeSplit} over many traces, by what ran them (agent, team or workflow, else the root span's name): the sum over all their traces, and the split of the median trace by wall time (a real run, so its parts
 * add up, unlike medians taken part by part).
 */
public final class TimeSplitStats {

    /**
     * @param runner {@code agent <id>}, {@code team <id>}, {@code workflow <id>} or the trace's name
     * @param median the split of the trace with the median wall time (nearest rank)
     */
    public record Row(String runner, int traces, TimeSplit total, TimeSplit median, String medianTraceId) {
    }

    private record One(String traceId, TimeSplit split) {
    }

    private final Map<String, List<One>> byRunner = new HashMap<>();

    public void add(TraceDetail d) {
        byRunner.computeIfAbsent(runner(d.summary()), k -> new ArrayList<>())
                .add(new One(d.traceId(), TimeSplit.ofTrace(d)));
    }

    static String runner(TraceSummary s) {
        return s.component() != null ? s.component() : s.name() == null ? "?" : s.name();
    }

    /** Most total wall time first. */
    public List<Row> result() {
        List<Row> out = new ArrayList<>();
        byRunner.forEach((runner, runs) -> {
            Duration wall = Duration.ZERO;
            Duration llm = Duration.ZERO;
            Duration tool = Duration.ZERO;
            Duration other = Duration.ZERO;
            for (One o : runs) {
                wall = wall.plus(o.split().wall());
                llm = llm.plus(o.split().llm());
                tool = tool.plus(o.split().tool());
                other = other.plus(o.split().other());
            }
            List<One> sorted = new ArrayList<>(runs);
            sorted.sort(Comparator.comparing((One o) -> o.split().wall()).thenComparing(One::traceId));
            One median = sorted.get((int) Math.ceil(sorted.size() / 2.0) - 1);
            out.add(new Row(runner, runs.size(), new TimeSplit(wall, llm, tool, other), median.split(), median.traceId()));
        });
        out.sort(Comparator.comparing((Row r) -> r.total().wall()).reversed().thenComparing(Row::runner));
        return out;
    }
}
