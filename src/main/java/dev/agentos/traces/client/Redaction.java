package dev.agentos.traces.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --redact}: trace and span inputs and outputs (prompts, completions, tool arguments and results)
 * are replaced by their size as replies are parsed, so no rendering, structured output or CLI line can
 * carry them to another model. Errors, names, ids, timings, models and token counts stay.
 */
final class Redaction {

    private Redaction() {
    }

    static String mask(String s) {
        return s == null ? null : "[redacted: " + s.length() + " chars]";
    }

    static TraceSummary summary(TraceSummary s) {
        return new TraceSummary(s.traceId(), s.name(), s.status(), s.durationText(), s.startTime(), s.endTime(),
                s.totalSpans(), s.errorCount(), mask(s.input()), s.runId(), s.sessionId(), s.userId(), s.agentId(),
                s.teamId(), s.workflowId(), s.createdAt());
    }

    static TraceDetail detail(TraceDetail d) {
        List<TraceNode> tree = new ArrayList<>(d.tree().size());
        for (TraceNode n : d.tree()) {
            tree.add(node(n));
        }
        return new TraceDetail(summary(d.summary()), mask(d.output()), d.error(), tree);
    }

    static TraceNode node(TraceNode n) {
        List<TraceNode> children = new ArrayList<>(n.spans().size());
        for (TraceNode c : n.spans()) {
            children.add(node(c));
        }
        Map<String, Object> metadata = n.metadata();
        if (metadata.get("parameters") instanceof String p) {
            metadata = new LinkedHashMap<>(metadata);
            metadata.put("parameters", mask(p));
        }
        return new TraceNode(n.id(), n.name(), n.type(), n.status(), n.durationText(), n.startTime(), n.endTime(),
                mask(n.input()), mask(n.output()), n.error(), n.stepType(), metadata, children);
    }
}
