package dev.agentos.traces.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.FilterSchema;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.client.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code POST /traces/search} filter expression, checked before it is sent: AgentOS answers an unknown
 * field, a null value or an empty AND with 200 and no traces, which reads as "nothing matched". Every
 * mistake here gets a message naming where it is ({@code filter.conditions[1].key}) and what is allowed.
 * Relative times ({@code 24h}) become absolute UTC instants.
 */
public final class FilterExpression {

    public static final int MAX_DEPTH = 10;
    public static final int MAX_NODES = 200;
    public static final int MAX_IN_VALUES = 100;
    public static final int MAX_STRING = 256;

    static final Set<String> LEAF_OPS = Set.of("EQ", "NEQ", "GT", "GTE", "LT", "LTE", "CONTAINS", "STARTSWITH");

    /** The fields of agno 2.9's {@code /traces/filter-schema}, for a server that does not serve it. */
    public static final FilterSchema BUILT_IN = builtIn();

    private final FilterSchema schema;
    private final Instant now;
    private int nodes;

    private FilterExpression(FilterSchema schema, Instant now) {
        this.schema = schema;
        this.now = now;
    }

    /**
     * @param expression a JSON object (as a Map) or its JSON text
     * @return the expression to send (normalized: upper-case ops, absolute times), or null for "match all"
     */
    public static Map<String, Object> validate(Object expression, FilterSchema schema, Instant now) {
        Object e = parse(expression);
        if (e == null) {
            return null;
        }
        return new FilterExpression(schema, now).node(e, "filter", 1);
    }

    /** The expression as JSON values (JSON text is parsed); null for "match all". Checks no field yet. */
    public static Object parse(Object expression) {
        if (expression == null) {
            return null;
        }
        Object e = expression;
        if (e instanceof String s) {
            if (s.isBlank()) {
                return null;
            }
            if (s.length() > 64 * 1024) {
                throw new ArgumentException("filter is too long (over 64 KB).");
            }
            try {
                e = Json.MAPPER.readValue(s, Object.class);
            } catch (JsonProcessingException ex) {
                throw new ArgumentException("filter is not valid JSON; give an object like "
                        + "{\"op\": \"EQ\", \"key\": \"agent_id\", \"value\": \"support-agent\"}.");
            }
        }
        if (e instanceof Map<?, ?> m && m.isEmpty()) {
            return null;
        }
        return e;
    }

    private Map<String, Object> node(Object o, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ArgumentException(where + ": the expression nests deeper than " + MAX_DEPTH + " levels.");
        }
        if (++nodes > MAX_NODES) {
            throw new ArgumentException("filter has more than " + MAX_NODES + " conditions; narrow it.");
        }
        if (!(o instanceof Map<?, ?> m)) {
            throw new ArgumentException(where + " must be an object with \"op\", e.g. {\"op\": \"EQ\", \"key\": "
                    + "\"status\", \"value\": \"ERROR\"}.");
        }
        Object rawOp = m.get("op");
        if (!(rawOp instanceof String opText)) {
            throw new ArgumentException(where + " needs \"op\": AND, OR, NOT, IN or one of " + String.join(", ",
                    List.of("EQ", "NEQ", "GT", "GTE", "LT", "LTE", "CONTAINS", "STARTSWITH")) + ".");
        }
        String op = opText.strip().toUpperCase(Locale.ROOT);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("op", op);
        switch (op) {
            case "AND", "OR" -> {
                only(m, where, "op", "conditions");
                if (!(m.get("conditions") instanceof List<?> list) || list.isEmpty()) {
                    throw new ArgumentException(where + ": " + op + " needs \"conditions\", a non-empty list of expressions.");
                }
                List<Object> conds = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    conds.add(node(list.get(i), where + ".conditions[" + i + "]", depth + 1));
                }
                out.put("conditions", conds);
            }
            case "NOT" -> {
                only(m, where, "op", "condition");
                if (m.get("condition") == null) {
                    throw new ArgumentException(where + ": NOT needs \"condition\" (singular), one expression.");
                }
                out.put("condition", node(m.get("condition"), where + ".condition", depth + 1));
            }
            case "IN" -> {
                if (!(m.get("values") instanceof List<?> list) || list.isEmpty() || list.size() > MAX_IN_VALUES) {
                    throw new ArgumentException(where + ": IN needs \"values\" (plural), a list of 1 to " + MAX_IN_VALUES
                            + " values.");
                }
                only(m, where, "op", "key", "values");
                FilterSchema.Field f = field(m, where, op);
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    values.add(value(f, list.get(i), where + ".values[" + i + "]"));
                }
                out.put("key", f.key());
                out.put("values", values);
            }
            default -> {
                if (!LEAF_OPS.contains(op)) {
                    throw new ArgumentException(where + ": unknown op '" + Times.clipForMessage(opText) + "'; use AND, OR, "
                            + "NOT, IN, EQ, NEQ, GT, GTE, LT, LTE, CONTAINS or STARTSWITH.");
                }
                only(m, where, "op", "key", "value");
                FilterSchema.Field f = field(m, where, op);
                out.put("key", f.key());
                out.put("value", value(f, m.get("value"), where + ".value"));
            }
        }
        return out;
    }

    private static void only(Map<?, ?> m, String where, String... allowed) {
        for (Object k : m.keySet()) {
            if (!List.of(allowed).contains(k)) {
                throw new ArgumentException(where + ": unexpected \"" + Times.clipForMessage(String.valueOf(k))
                        + "\"; a " + m.get("op") + " node takes " + String.join(", ", allowed) + ".");
            }
        }
    }

    private FilterSchema.Field field(Map<?, ?> m, String where, String op) {
        Object key = m.get("key");
        List<String> keys = schema.fields().stream().map(FilterSchema.Field::key).toList();
        if (!(key instanceof String k)) {
            throw new ArgumentException(where + ": " + op + " needs \"key\", one of " + String.join(", ", keys) + ".");
        }
        for (FilterSchema.Field f : schema.fields()) {
            if (f.key().equals(k.strip())) {
                if (!f.operators().isEmpty() && !f.operators().contains(op)) {
                    throw new ArgumentException(where + ": " + f.key() + " takes " + String.join(", ", f.operators())
                            + ", not " + op + ".");
                }
                return f;
            }
        }
        throw new ArgumentException(where + ": unknown field '" + Times.clipForMessage(k) + "' (AgentOS would silently "
                + "match nothing); fields: " + String.join(", ", keys) + ".");
    }

    private Object value(FilterSchema.Field f, Object v, String where) {
        if (v == null) {
            throw new ArgumentException(where + " is missing or null (AgentOS would silently match nothing).");
        }
        switch (f.type() == null ? "string" : f.type()) {
            case "number" -> {
                if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw new ArgumentException(where + ": " + f.key() + " compares numbers, e.g. 2000.");
                }
                return v;
            }
            case "datetime" -> {
                if (!(v instanceof String s)) {
                    throw new ArgumentException(where + ": " + f.key() + " takes a time as text (ISO 8601 or 24h, 7d, today).");
                }
                return Times.parseUserTime(where, s, now).toString();
            }
            default -> {
                if (!(v instanceof String s) || s.isEmpty() || s.length() > MAX_STRING
                        || s.chars().anyMatch(Character::isISOControl)) {
                    throw new ArgumentException(where + ": " + f.key() + " takes a non-empty text value of at most "
                            + MAX_STRING + " characters without control characters.");
                }
                if (!f.values().isEmpty() && !f.values().contains(s)) {
                    throw new ArgumentException(where + ": " + f.key() + " is one of " + String.join(", ", f.values())
                            + ", not '" + Times.clipForMessage(s) + "'.");
                }
                return s;
            }
        }
    }

    /** The server's filter schema, or agno 2.9's fields when it does not serve one. */
    public static FilterSchema schemaOf(dev.agentos.traces.client.AgentOsClient client, String dbId) {
        try {
            FilterSchema s = client.filterSchema(dbId);
            return s.fields().isEmpty() ? BUILT_IN : s;
        } catch (dev.agentos.traces.client.AgentOsException.NotFound
                | dev.agentos.traces.client.AgentOsException.BadResponse older) {
            return BUILT_IN;
        }
    }

    private static FilterSchema builtIn() {
        List<String> str = List.of("EQ", "NEQ", "CONTAINS", "STARTSWITH", "IN");
        List<String> cmp = List.of("GT", "GTE", "LT", "LTE");
        List<FilterSchema.Field> f = new ArrayList<>();
        f.add(new FilterSchema.Field("status", "Status", "enum", List.of("EQ", "NEQ", "IN"), List.of("OK", "ERROR")));
        for (String k : List.of("user_id", "agent_id", "team_id", "workflow_id", "session_id", "run_id")) {
            f.add(new FilterSchema.Field(k, k, "string", str, List.of()));
        }
        f.add(new FilterSchema.Field("name", "Name", "string", List.of("EQ", "NEQ", "CONTAINS", "STARTSWITH"), List.of()));
        f.add(new FilterSchema.Field("trace_id", "Trace ID", "string", str, List.of()));
        f.add(new FilterSchema.Field("duration_ms", "Duration (ms)", "number", List.of("EQ", "NEQ", "GT", "GTE", "LT", "LTE"),
                List.of()));
        for (String k : List.of("start_time", "end_time", "created_at")) {
            f.add(new FilterSchema.Field(k, k, "datetime", cmp, List.of()));
        }
        return new FilterSchema(f, List.of("AND", "OR"));
    }
}
