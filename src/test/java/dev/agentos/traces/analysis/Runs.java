package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthetic runs for the statistics: an AGENT span holding LLM and TOOL spans, every figure chosen. */
final class Runs {

    private Runs() {
    }

    /** A builder of one run. */
    static final class Run {
        final String id;
        final String agent;
        final Instant start;
        Duration duration = Duration.ofMillis(1000);
        final List<TraceNode> children = new ArrayList<>();
        String status = "OK";

        Run(String id, String agent, Instant start) {
            this.id = id;
            this.agent = agent;
            this.start = start;
        }

        Run took(long millis) {
            duration = Duration.ofMillis(millis);
            return this;
        }

        Run llm(String model, long in, long out) {
            children.add(new TraceNode(spanId(), "ainvoke", "LLM", "OK", "10ms", start, start.plusMillis(10), "p", "c",
                    null, null, Map.of("model", model, "input_tokens", in, "output_tokens", out), List.of()));
            return this;
        }

        Run tool(String name, String error) {
            children.add(new TraceNode(spanId(), name, "TOOL", error == null ? "OK" : "ERROR", "5ms", start,
                    start.plusMillis(5), "{}", error == null ? "ok" : null, error, null, Map.of("tool_name", name),
                    List.of()));
            return this;
        }

        private String spanId() {
            return String.format("%016x", (long) (id.hashCode() & 0xffffff) * 1000 + children.size());
        }

        TraceDetail build() {
            Instant end = start.plus(duration);
            TraceNode root = new TraceNode(String.format("%016x", id.hashCode() & 0xffffffffL), agent, "AGENT", "OK",
                    null, start, end, "hi", "done", null, null, Map.of(), children);
            int errors = (int) children.stream().filter(TraceNode::failed).count();
            TraceSummary s = new TraceSummary(id, agent + ".run", status, null, start, end, children.size() + 1, errors,
                    "hi", "run-" + id, "s", "u", agent, null, null, start);
            return new TraceDetail(s, "done", null, List.of(root));
        }
    }

    static Run run(String id, String agent, Instant start) {
        return new Run(id, agent, start);
    }

    /** A 32-hex trace id from a number. */
    static String id(int n) {
        return String.format("%032x", n);
    }
}
