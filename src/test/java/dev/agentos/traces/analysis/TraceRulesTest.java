package dev.agentos.traces.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.analysis.TraceRules.Type;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.testsupport.RunStubs;
import dev.agentos.traces.testsupport.Stubs;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rule passing and failing, on real traces: what it observed and the limit it was held to. */
class TraceRulesTest {

    static WireMockServer server;
    static TraceDetail math; // add 12 and 30: 2 LLM calls, 37+19 and 42+5 tokens, add_numbers(a=12, b=30), 455.62ms
    static TraceDetail ops; // lookup_inventory failed inside a trace that says OK
    static final Pricing PRICED = new Pricing("test", "2026-11-30", "USD",
            Map.of("offline-sim-1", new Pricing.Price(new BigDecimal("1000"), new BigDecimal("2000"))));

    @BeforeAll
    static void load() {
        server = Stubs.started();
        RunStubs.discoveryAndTraces(server);
        AgentOsClient c = Stubs.client(server);
        math = c.getTrace("f2f1d87f097f6f058956aa8bd655df8c", null);
        ops = c.getTrace("ab4b63ede4d9e5fba8c01f602ca74ce1", null);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static TraceRules.Result one(Type t, String value, TraceDetail d, Pricing p) {
        List<TraceRules.Result> r = TraceRules.evaluate(List.of(TraceRules.rule(t, value)), List.of(d), p);
        assertEquals(1, r.size());
        return r.get(0);
    }

    static void check(Type t, String value, TraceDetail d, boolean passed, String observed, String limit) {
        TraceRules.Result r = one(t, value, d, PRICED);
        assertEquals(List.of(passed, observed, limit), List.of(r.passed(), r.observed(), r.limit()), t.key + " " + value);
    }

    @Test
    void eachRulePassesAndFails() {
        check(Type.NO_FAILED_SPANS, null, math, true, "0 failed", "0 failed");
        check(Type.NO_FAILED_SPANS, null, ops, false, "1 failed, first: tool lookup_inventory (Inventory service "
                + "unavailable for item 'gears' (simulated outage))", "0 failed");
        check(Type.STATUS, "ok", math, true, "OK", "OK");
        check(Type.STATUS, "ERROR", math, false, "OK", "ERROR");
        check(Type.MAX_TOKENS, "103", math, true, "103", "<= 103");
        check(Type.MAX_TOKENS, "102", math, false, "103", "<= 102");
        check(Type.MAX_INPUT_TOKENS, "79", math, true, "79", "<= 79");
        check(Type.MAX_INPUT_TOKENS, "78", math, false, "79", "<= 78");
        check(Type.MAX_OUTPUT_TOKENS, "24", math, true, "24", "<= 24");
        check(Type.MAX_OUTPUT_TOKENS, "23", math, false, "24", "<= 23");
        check(Type.MAX_DURATION, "1s", math, true, "455.62ms", "<= 1.000s");
        check(Type.MAX_DURATION, "400ms", math, false, "455.62ms", "<= 400ms");
        check(Type.MAX_LLM_CALLS, "2", math, true, "2", "<= 2");
        check(Type.MAX_LLM_CALLS, "1", math, false, "2", "<= 1");
        check(Type.TOOL_CALLED, "add_numbers", math, true, "1 call", ">= 1 call");
        check(Type.TOOL_CALLED, "add_numbers(a=12, b=30)", math, true, "1 call", ">= 1 call");
        check(Type.TOOL_CALLED, "add_numbers(a=12.0)", math, true, "1 call", ">= 1 call");
        check(Type.TOOL_CALLED, "add_numbers(a=13)", math, false, "0 calls", ">= 1 call");
        check(Type.TOOL_CALLED, "lookup_inventory(item='gears')", ops, true, "1 call", ">= 1 call");
        check(Type.TOOL_NOT_CALLED, "lookup_inventory", math, true, "0 calls", "0 calls");
        check(Type.TOOL_NOT_CALLED, "add_numbers", math, false, "1 call", "0 calls");
        check(Type.MODEL_USED, "offline-sim-1", math, true, "models: offline-sim-1", "uses offline-sim-1");
        check(Type.MODEL_USED, "gpt-4o", math, false, "models: offline-sim-1", "uses gpt-4o");
        check(Type.MODEL_NOT_USED, "gpt-4o", math, true, "models: offline-sim-1", "never gpt-4o");
        check(Type.MODEL_NOT_USED, "offline-sim-1", math, false, "models: offline-sim-1", "never offline-sim-1");
        check(Type.OUTPUT_CONTAINS, "42", math, true, "\"The answer is 42.\"", "contains \"42\"");
        check(Type.OUTPUT_CONTAINS, "43", math, false, "\"The answer is 42.\"", "contains \"43\"");
        check(Type.OUTPUT_MATCHES, "answer is \\d+\\.$", math, true, "\"The answer is 42.\"", "matches /answer is \\d+\\.$/");
        check(Type.OUTPUT_MATCHES, "^\\d+$", math, false, "\"The answer is 42.\"", "matches /^\\d+$/");
        // 79 in × $1000/M + 24 out × $2000/M = $0.079 + $0.048
        check(Type.MAX_COST, "0.127", math, true, "$0.127", "<= $0.127");
        check(Type.MAX_COST, "$0.1", math, false, "$0.127", "<= $0.1");
        TraceRules.Result unpriced = one(Type.MAX_COST, "100", math, Pricing.defaults());
        assertEquals(false, unpriced.passed(), "a model without a price cannot pass a cost limit");
        assertEquals("unknown: no price for offline-sim-1 (add it with --pricing-file)", unpriced.observed());
    }

    @Test
    void sumRulesGiveOneResultOverEveryTrace() {
        List<TraceRules.Rule> rules = List.of(TraceRules.rule(Type.MAX_TOKENS_SUM, "300"),
                TraceRules.rule(Type.MAX_INPUT_TOKENS_SUM, "220"), TraceRules.rule(Type.MAX_OUTPUT_TOKENS_SUM, "76"),
                TraceRules.rule(Type.MAX_TOKENS, "150"));
        List<TraceRules.Result> r = TraceRules.evaluate(rules, List.of(math, ops), PRICED);
        assertEquals(5, r.size(), r.toString()); // max_tokens twice (one per trace), each sum once
        TraceRules.Result total = r.get(2);
        assertEquals(List.of(true, "297 over 2 traces", "<= 300"), List.of(total.passed(), total.observed(), total.limit()));
        assertEquals(null, total.traceId());
        assertEquals(List.of(true, "220 over 2 traces"), List.of(r.get(3).passed(), r.get(3).observed()));
        assertEquals(List.of(false, "77 over 2 traces"), List.of(r.get(4).passed(), r.get(4).observed()));
        assertEquals(List.of(false, "194"), List.of(r.get(1).passed(), r.get(1).observed()));
    }

    @Test
    void rulesFromAMapAndBadValuesAreRefusedWithTheirReason() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("no_failed_spans", false);
        m.put("max_tokens", 5000);
        m.put("tool_called", List.of("a", "b(x=1)"));
        m.put("max_cost", 0.05);
        assertEquals(List.of("max_tokens 5000", "tool_called a", "tool_called b(x=1)", "max_cost 0.05"),
                TraceRules.fromMap(m).stream().map(TraceRules.Rule::label).toList());
        assertEquals("max_tokens takes one value, not a list.", assertThrows(ArgumentException.class,
                () -> TraceRules.fromMap(Map.of("max_tokens", List.of(1, 2)))).getMessage());
        assertEquals("max_llm_calls must be a whole number of 0 or more, not '-1'.", assertThrows(ArgumentException.class,
                () -> TraceRules.rule(Type.MAX_LLM_CALLS, "-1")).getMessage());
        assertEquals("A tool rule reads NAME or NAME(ARG=VALUE, ...), not 'add(a=1'.", assertThrows(ArgumentException.class,
                () -> TraceRules.rule(Type.TOOL_CALLED, "add(a=1")).getMessage());
        assertThrows(ArgumentException.class, () -> TraceRules.rule(Type.OUTPUT_MATCHES, "(unclosed"));
        assertThrows(ArgumentException.class, () -> TraceRules.rule(Type.STATUS, "FINE"));
        assertThrows(ArgumentException.class, () -> TraceRules.rule(Type.MAX_COST, "cheap"));
    }
}
