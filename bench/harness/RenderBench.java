import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.render.TraceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Renders a synthetic 2,000-span trace (LLM spans with 20 KB prompts, failing tools, nested agents)
 * as get_trace does, warm, and reports the median of 200 renderings and the text size.
 *   java -cp target/agentos-traces-mcp.jar bench/harness/RenderBench.java
 */
public class RenderBench {
    public static void main(String[] args) {
        TraceDetail d = trace(2000);
        TraceView.Options o = new TraceView.Options(TraceView.MAX_MAX_SPANS, 0);
        for (int i = 0; i < 300; i++) { // warm-up (C2 where available)
            TraceView.text(d, o);
            TraceView.structured(d, o);
            TokenUsage.of(d);
        }
        long[] ns = new long[200];
        int chars = 0;
        for (int i = 0; i < ns.length; i++) {
            long t0 = System.nanoTime();
            chars = TraceView.text(d, o).length();
            TraceView.structured(d, o);
            ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        System.out.printf("render 2000-span trace (text + structured): median %.2f ms, min %.2f ms, max %.2f ms; text %d chars%n",
                ns[100] / 1e6, ns[0] / 1e6, ns[199] / 1e6, chars);
    }

    static TraceDetail trace(int n) {
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        String prompt = "x".repeat(20_000);
        List<TraceNode> agents = new ArrayList<>();
        int id = 1;
        for (int a = 0; a < n / 100; a++) {
            List<TraceNode> kids = new ArrayList<>();
            for (int i = 0; i < 99; i++, id++) {
                Instant s = t0.plusMillis(id);
                kids.add(i % 3 == 2
                        ? new TraceNode(String.format("%016x", id), "lookup", "TOOL", i % 30 == 2 ? "ERROR" : "OK", "1ms", s,
                                s.plusMillis(1), "{}", null, i % 30 == 2 ? "boom" : null, null, Map.of("tool_name", "lookup"), List.of())
                        : new TraceNode(String.format("%016x", id), "OpenAIChat.ainvoke", "LLM", "OK", "1ms", s, s.plusMillis(1),
                                prompt, "[]", null, null, Map.of("model", "gpt-4o-mini", "input_tokens", 900L, "output_tokens", 40L), List.of()));
            }
            agents.add(new TraceNode(String.format("%016x", id++), "Member.arun", "AGENT", "OK", "1s", t0, t0.plusSeconds(1),
                    null, null, null, null, Map.of(), kids));
        }
        TraceNode root = new TraceNode("ffffffffffffffff", "Team.arun", "TEAM", "OK", "2.00s", t0, t0.plusSeconds(2), null,
                null, null, null, Map.of(), agents);
        TraceSummary s = new TraceSummary("0123456789abcdef0123456789abcdef", "Team.arun", "OK", "2.00s", t0,
                t0.plusSeconds(2), n, 0, "hi", "run", "sess", "user", null, "team", null, t0);
        return new TraceDetail(s, "ok", null, List.of(root));
    }
}
