package dev.agentos.traces.testsupport;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built traces for unit tests of the analysis classes: times in milliseconds after a fixed instant,
 * so a test reads like the layout it draws. {@code span("TOOL", "lookup", 10, 30).failed("boom").tool("lookup")}.
 */
public final class BuiltTraces {

    public static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private BuiltTraces() {
    }

    public static Instant at(double ms) {
        return T0.plusNanos(Math.round(ms * 1_000_000));
    }

    public static Span span(String type, String name, double startMs, double endMs, Span... children) {
        return new Span(type, name, at(startMs), at(endMs), List.of(children));
    }

    /** A span as the tests describe it; {@link #node()} makes the parser's record. */
    public static final class Span {
        private static int ids;
        final String type;
        final String name;
        final Instant start;
        final Instant end;
        final List<Span> children;
        String id = String.format("%016x", ++ids);
        String status = "OK";
        String error;
        String output = "done";
        final Map<String, Object> metadata = new LinkedHashMap<>();

        Span(String type, String name, Instant start, Instant end, List<Span> children) {
            this.type = type;
            this.name = name;
            this.start = start;
            this.end = end;
            this.children = children;
        }

        public Span id(String id) {
            this.id = id;
            return this;
        }

        public Span failed(String error) {
            this.status = "ERROR";
            this.error = error;
            return this;
        }

        public Span tool(String toolName) {
            metadata.put("tool_name", toolName);
            return this;
        }

        public Span llm(String model, long in, long out) {
            metadata.put("model", model);
            metadata.put("input_tokens", in);
            metadata.put("output_tokens", out);
            return this;
        }

        /** An LLM call that returned nothing: no output, no tokens, status OK. */
        public Span silent(String model) {
            metadata.put("model", model);
            output = null;
            return this;
        }

        public TraceNode node() {
            List<TraceNode> kids = new ArrayList<>();
            for (Span c : children) {
                kids.add(c.node());
            }
            return new TraceNode(id, name, type, status, null, start, end, null, output, error, null,
                    Map.copyOf(metadata), kids);
        }
    }

    /** A trace whose summary is derived from its root span; {@code status} is what AgentOS says of the run. */
    public static TraceDetail trace(String traceId, String status, Span root) {
        TraceNode r = root.node();
        int[] spans = {0};
        int[] errors = {0};
        r.walk(n -> {
            spans[0]++;
            if (n.failed()) {
                errors[0]++;
            }
        });
        TraceSummary s = new TraceSummary(traceId, r.name(), status, null, r.startTime(), r.endTime(), spans[0],
                errors[0], "input", "run-" + traceId, "session-1", "user-1", "agent-1", null, null, r.startTime());
        return new TraceDetail(s, "ERROR".equals(status) ? null : "output", "ERROR".equals(status) ? "run failed" : null,
                List.of(r));
    }
}
