package dev.agentos.traces.jmh;

import dev.agentos.traces.client.Json;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Synthetic traces shaped like agno 2.9.0's (the same shape bench/stub/SyntheticAgentOs.java serves). */
final class Traces {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private Traces() {
    }

    /** A POST /traces/search page: {@code n} full traces of 8 spans (an agent, 4 LLM calls with ~2 KB prompts, 3 tools). */
    static byte[] searchPage(int n) throws Exception {
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant s = T0.plusSeconds(i);
            List<Object> spans = new ArrayList<>();
            for (int k = 0; k < 7; k++) {
                Map<String, Object> span = new LinkedHashMap<>();
                span.put("id", String.format("%08x%08x", i, k));
                span.put("start_time", s.plusMillis(10L * k).toString());
                span.put("end_time", s.plusMillis(10L * k + 8).toString());
                span.put("duration", "8ms");
                span.put("status", k == 5 && i % 10 == 0 ? "ERROR" : "OK");
                if (k % 2 == 0) {
                    span.put("name", "OpenAIChat.ainvoke");
                    span.put("type", "LLM");
                    span.put("input", "{\"messages\": [{\"role\": \"user\", \"content\": \"" + "lorem ipsum ".repeat(170) + "\"}]}");
                    span.put("output", "[{\"role\": \"assistant\", \"content\": \"ok\"}]");
                    span.put("metadata", Map.of("model", "gpt-4o-mini", "input_tokens", 500 + k, "output_tokens", 40 + k));
                } else {
                    span.put("name", "lookup_inventory");
                    span.put("type", "TOOL");
                    span.put("input", "{\"item\": \"nuts\"}");
                    span.put("metadata", Map.of("tool_name", "lookup_inventory", "parameters", "{\"item\": \"nuts\"}"));
                    if (k == 5 && i % 10 == 0) {
                        span.put("error", "Inventory service unavailable for item 'nuts' (simulated outage)");
                    }
                }
                spans.add(span);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("id", String.format("%08xffffffff", i));
            root.put("name", "Support_Agent.arun");
            root.put("type", "AGENT");
            root.put("duration", "80ms");
            root.put("start_time", s.toString());
            root.put("end_time", s.plusMillis(80).toString());
            root.put("status", "OK");
            root.put("metadata", Map.of("total_input_tokens", 2012, "total_output_tokens", 172));
            root.put("spans", spans);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("trace_id", String.format("%032x", i));
            t.put("name", "Support_Agent.arun");
            t.put("status", "OK");
            t.put("duration", "80ms");
            t.put("start_time", s.toString());
            t.put("end_time", s.plusMillis(80).toString());
            t.put("total_spans", 8);
            t.put("error_count", i % 10 == 0 ? 1 : 0);
            t.put("input", "where is my order?");
            t.put("run_id", "run-" + i);
            t.put("session_id", "s-" + (i % 50));
            t.put("user_id", "u-" + (i % 20));
            t.put("agent_id", "support-agent");
            t.put("created_at", s.toString());
            t.put("tree", List.of(root));
            data.add(t);
        }
        return Json.MAPPER.writeValueAsBytes(Map.of("data", data, "meta",
                Map.of("page", 1, "limit", n, "total_pages", 1, "total_count", n)));
    }

    /** A team trace of {@code n} spans: agents of 99 children each, LLM spans with 20 KB prompts, failing tools. */
    static TraceDetail big(int n) {
        String prompt = "x".repeat(20_000);
        List<TraceNode> agents = new ArrayList<>();
        int id = 1;
        for (int a = 0; a < n / 100; a++) {
            List<TraceNode> kids = new ArrayList<>();
            for (int i = 0; i < 99; i++, id++) {
                Instant s = T0.plusMillis(id);
                kids.add(i % 3 == 2
                        ? new TraceNode(String.format("%016x", id), "lookup", "TOOL", i % 30 == 2 ? "ERROR" : "OK", "1ms", s,
                                s.plusMillis(1), "{}", null, i % 30 == 2 ? "boom" : null, null, Map.of("tool_name", "lookup"), List.of())
                        : new TraceNode(String.format("%016x", id), "OpenAIChat.ainvoke", "LLM", "OK", "1ms", s, s.plusMillis(1),
                                prompt, "[]", null, null, Map.of("model", "gpt-4o-mini", "input_tokens", 900L, "output_tokens", 40L), List.of()));
            }
            agents.add(new TraceNode(String.format("%016x", id++), "Member.arun", "AGENT", "OK", "1s", T0, T0.plusSeconds(1),
                    null, null, null, null, Map.of(), kids));
        }
        TraceNode root = new TraceNode("ffffffffffffffff", "Team.arun", "TEAM", "OK", "2.00s", T0, T0.plusSeconds(2), null,
                null, null, null, Map.of(), agents);
        TraceSummary s = new TraceSummary("0123456789abcdef0123456789abcdef", "Team.arun", "OK", "2.00s", T0,
                T0.plusSeconds(2), n, 0, "hi", "run", "sess", "user", null, "team", null, T0);
        return new TraceDetail(s, "done", null, List.of(root));
    }
}
