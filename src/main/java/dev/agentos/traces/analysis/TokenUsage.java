package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tokens of one trace, summed from its LLM spans' metadata ({@code input_tokens}, {@code output_tokens})
 * and checked against the root node's {@code total_input_tokens}/{@code total_output_tokens}.
 * AgentOS sends no {@code total_tokens} field: total = input + output.
 */
public record TokenUsage(
        String traceId, long inputTokens, long outputTokens, Map<String, ModelTokens> byModel,
        List<LlmCall> calls, Long rootInputTokens, Long rootOutputTokens, int refusedCounts) {

    /** Name used for LLM spans that carry no {@code model}. */
    public static final String UNKNOWN_MODEL = "(unknown model)";

    public TokenUsage(String traceId, long inputTokens, long outputTokens, Map<String, ModelTokens> byModel,
            List<LlmCall> calls, Long rootInputTokens, Long rootOutputTokens) {
        this(traceId, inputTokens, outputTokens, byModel, calls, rootInputTokens, rootOutputTokens, 0);
    }

    public long totalTokens() {
        return add(inputTokens, outputTokens);
    }

    /** Token arithmetic: counts are never negative, and a sum past {@link Long#MAX_VALUE} stays there. */
    public static long add(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? 0 : Long.MAX_VALUE) : Math.max(0, r);
    }

    /**
     * False when the root node states totals that differ from the sum of the LLM spans (a span may be
     * missing from the store). Absent root totals mean the trace has no tokens: consistent when the sum is 0.
     */
    public boolean matchesRootTotals() {
        long ri = rootInputTokens == null ? 0 : rootInputTokens;
        long ro = rootOutputTokens == null ? 0 : rootOutputTokens;
        return ri == inputTokens && ro == outputTokens;
    }

    public record ModelTokens(String model, long inputTokens, long outputTokens, int calls) {
        public long totalTokens() {
            return add(inputTokens, outputTokens);
        }

        ModelTokens plus(ModelTokens o) {
            return new ModelTokens(model, add(inputTokens, o.inputTokens), add(outputTokens, o.outputTokens), calls + o.calls);
        }
    }

    /** One LLM span. Tokens absent from its metadata count as 0 and {@code reported} is false. */
    public record LlmCall(String spanId, String name, String model, long inputTokens, long outputTokens,
            Duration duration, boolean reported) {
        public long totalTokens() {
            return add(inputTokens, outputTokens);
        }
    }

    public static TokenUsage of(TraceDetail trace) {
        List<LlmCall> calls = new ArrayList<>();
        int[] refused = {0};
        trace.forEachSpan(n -> {
            if (n.isLlm()) {
                if (n.refusedTokenCount()) {
                    refused[0]++;
                }
                Long in = n.inputTokens();
                Long out = n.outputTokens();
                calls.add(new LlmCall(n.id(), n.name(), n.model() == null ? UNKNOWN_MODEL : n.model(),
                        in == null ? 0 : in, out == null ? 0 : out, n.duration(), in != null || out != null));
            }
        });
        Long rootIn = null;
        Long rootOut = null;
        if (!trace.tree().isEmpty()) {
            TraceNode root = trace.tree().get(0);
            rootIn = root.totalInputTokens();
            rootOut = root.totalOutputTokens();
        }
        return of(trace.traceId(), calls, rootIn, rootOut, refused[0]);
    }

    /** A trace's usage from its LLM calls and the root node's totals (null: none stated). */
    public static TokenUsage of(String traceId, List<LlmCall> calls, Long rootIn, Long rootOut) {
        return of(traceId, calls, rootIn, rootOut, 0);
    }

    /** @param refused LLM spans whose token counts were refused as impossible */
    public static TokenUsage of(String traceId, List<LlmCall> calls, Long rootIn, Long rootOut, int refused) {
        Map<String, ModelTokens> byModel = new TreeMap<>();
        long in = 0;
        long out = 0;
        for (LlmCall c : calls) {
            in = add(in, c.inputTokens());
            out = add(out, c.outputTokens());
            byModel.merge(c.model(), new ModelTokens(c.model(), c.inputTokens(), c.outputTokens(), 1), ModelTokens::plus);
        }
        return new TokenUsage(traceId, in, out, Collections.unmodifiableMap(byModel), List.copyOf(calls), rootIn, rootOut,
                refused);
    }
}
