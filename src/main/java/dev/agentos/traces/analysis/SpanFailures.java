package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.util.ArrayList;
import java.util.List;

/** The spans of a trace that failed, in tree order; a trace may say OK and still have some. */
public final class SpanFailures {

    private SpanFailures() {
    }

    public record Failure(String spanId, String type, String name, String toolName, String error) {
    }

    public static List<Failure> of(TraceDetail trace) {
        List<Failure> out = new ArrayList<>();
        trace.forEachSpan(n -> {
            if (n.failed()) {
                out.add(new Failure(n.id(), n.type(), n.name(), n.toolName(), n.error()));
            }
        });
        return out;
    }

    /**
     * LLM spans that say OK but returned nothing and reported no tokens: a model exception can leave
     * every span OK, with the error text only in the run's output.
     */
    public static List<TraceNode> silentLlmFailures(TraceDetail trace) {
        List<TraceNode> out = new ArrayList<>();
        trace.forEachSpan(n -> {
            if (n.isLlm() && !n.failed() && n.output() == null && n.inputTokens() == null && n.outputTokens() == null) {
                out.add(n);
            }
        });
        return out;
    }

    /** Why the run failed, in one line, or null when nothing failed. */
    public static String verdict(TraceDetail trace, List<Failure> failures) {
        String status = trace.summary().status();
        if ("ERROR".equals(status)) {
            return trace.error() != null ? "run failed: " + trace.error()
                    : failures.isEmpty() ? "run failed (no span carries an error message)"
                    : "run failed at " + describe(failures.get(0));
        }
        if (!failures.isEmpty()) {
            return "status OK, but " + failures.size() + (failures.size() == 1 ? " span" : " spans")
                    + " failed; first: " + describe(failures.get(0));
        }
        List<TraceNode> silent = silentLlmFailures(trace);
        if (!silent.isEmpty()) {
            TraceNode n = silent.get(0);
            return "every span says OK, but LLM call " + n.name() + (n.model() == null ? "" : " (" + n.model() + ")")
                    + " [" + n.id() + "] returned no output and no token counts: the model call likely failed"
                    + (trace.output() == null ? "" : "; the run's output reads: " + trace.output());
        }
        return null;
    }

    private static String describe(Failure f) {
        String what = f.toolName() != null ? "tool " + f.toolName() : f.type() + " " + f.name();
        return what + (f.error() == null ? "" : " (" + f.error() + ")");
    }
}
