package dev.agentos.traces.testsupport;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.HttpTransport;
import dev.agentos.traces.client.RetryPolicy;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Traces for analysis tests: fixture bodies through the real parser, or trees drawn by hand in milliseconds. */
public final class Trees {

    public static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");

    private Trees() {
    }

    /** A fixture body ({@code runs/trace_report_workflow_1.json}) read as {@code GET /traces/{id}} would read it. */
    public static TraceDetail fixture(String file) {
        return parse(Fixtures.body(file));
    }

    /** A {@code GET /traces/{id}} body read by the client's parser. */
    public static TraceDetail parse(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpTransport bytes = r -> new HttpTransport.Response(200, body, "application/json", null);
        AgentOsClient c = new AgentOsClient(ConnectionOptions.resolve("http://fixture.invalid", null, null, null, null,
                Map.of()), bytes, RetryPolicy.NEVER);
        return c.getTrace("0123456789abcdef0123456789abcdef", null);
    }

    /** A span from {@code start} to {@code end} ms after {@link #T0}; either may be null (missing). */
    public static TraceNode span(String id, String type, Number start, Number end, TraceNode... children) {
        return span(id, type, id, start, end, children);
    }

    public static TraceNode span(String id, String type, String name, Number start, Number end, TraceNode... children) {
        return new TraceNode(id, name, type, "OK", null, at(start), at(end), null, null, null, null, Map.of(),
                List.of(children));
    }

    /** A failed TOOL span with these arguments and this error. */
    public static TraceNode failedTool(String id, String name, Number start, Number end, String args, String error) {
        return new TraceNode(id, name, "TOOL", "ERROR", null, at(start), at(end), args, null, error, null,
                Map.of("tool_name", name), List.of());
    }

    /** {@code n} with {@code child} added under the span {@code parentId}, wherever it is. */
    public static TraceNode withChild(TraceNode n, String parentId, TraceNode child) {
        List<TraceNode> kids = new java.util.ArrayList<>();
        for (TraceNode c : n.spans()) {
            kids.add(withChild(c, parentId, child));
        }
        if (n.id().equals(parentId)) {
            kids.add(child);
        }
        return new TraceNode(n.id(), n.name(), n.type(), n.status(), n.durationText(), n.startTime(), n.endTime(),
                n.input(), n.output(), n.error(), n.stepType(), n.metadata(), kids);
    }

    public static Instant at(Number ms) {
        return ms == null ? null : T0.plusNanos(Math.round(ms.doubleValue() * 1_000_000));
    }

    /** A trace of these roots; its summary spans the roots' times. */
    public static TraceDetail trace(TraceNode... roots) {
        Instant s = null;
        Instant e = null;
        for (TraceNode r : roots) {
            s = r.startTime() != null && (s == null || r.startTime().isBefore(s)) ? r.startTime() : s;
            e = r.endTime() != null && (e == null || r.endTime().isAfter(e)) ? r.endTime() : e;
        }
        TraceSummary sum = new TraceSummary("0123456789abcdef0123456789abcdef", roots.length == 0 ? null : roots[0].name(),
                "OK", null, s, e, 0, 0, "hi", "run", "sess", "user", null, null, null, s);
        return new TraceDetail(sum, null, null, List.of(roots));
    }
}
