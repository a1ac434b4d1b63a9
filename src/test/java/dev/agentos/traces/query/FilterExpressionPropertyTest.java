package dev.agentos.traces.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.client.ArgumentException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Filter expressions under any input: the checker either returns an expression or throws one
 * ArgumentException with a one-line message, never anything else; what it returns, checked again, is itself.
 */
class FilterExpressionPropertyTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final List<String> OPS = List.of("AND", "OR", "NOT", "IN", "EQ", "NEQ", "GT", "GTE", "LT", "LTE", "CONTAINS",
            "STARTSWITH", "eq", "NOPE", "");
    static final List<String> KEYS = List.of("status", "agent_id", "user_id", "duration_ms", "start_time", "name", "agent",
            "", "trace_id");

    @Provide
    Arbitrary<Object> expressions() {
        return node(4);
    }

    Arbitrary<Object> node(int depth) {
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.integers().between(-5, 5000).map(i -> (Object) i),
                Arbitraries.of("OK", "ERROR", "24h", "2026-11-23T10:00:00Z", "today").map(s -> (Object) s),
                Arbitraries.just(null));
        Arbitrary<Object> leaf = Arbitraries.of(OPS).flatMap(op -> Arbitraries.of(KEYS).flatMap(key -> value.map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("op", op);
            m.put("key", key);
            m.put(op.equals("IN") ? "values" : "value", op.equals("IN") ? (v == null ? List.of() : List.of(v)) : v);
            return (Object) m;
        })));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> logic = Arbitraries.of("AND", "OR", "NOT").flatMap(op -> node(depth - 1).list().ofMaxSize(3)
                .map(kids -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("op", op);
                    if (op.equals("NOT")) {
                        m.put("condition", kids.isEmpty() ? null : kids.get(0));
                    } else {
                        m.put("conditions", new ArrayList<>(kids));
                    }
                    return (Object) m;
                }));
        return Arbitraries.oneOf(leaf, logic, Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s));
    }

    @Property(tries = 3000)
    void anyExpressionIsCheckedOrRefusedInOneLine(@ForAll("expressions") Object expression) {
        Map<String, Object> checked;
        try {
            checked = FilterExpression.validate(expression, FilterExpression.BUILT_IN, NOW);
        } catch (ArgumentException e) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().length() < 600, e.getMessage());
            return;
        }
        assertEquals(checked, FilterExpression.validate(checked, FilterExpression.BUILT_IN, NOW),
                "checking is idempotent");
    }

    @Property(tries = 2000)
    void anyTextIsJsonOrOneClearError(@ForAll @StringLength(max = 200) String text) {
        try {
            FilterExpression.validate(text, FilterExpression.BUILT_IN, NOW);
        } catch (ArgumentException e) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
