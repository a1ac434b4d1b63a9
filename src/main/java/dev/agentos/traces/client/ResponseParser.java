package dev.agentos.traces.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns AgentOS JSON into records. Absent or null fields are fine (AgentOS omits nulls); a field of
 * the wrong type is a {@link AgentOsException.BadResponse} that names the field.
 */
final class ResponseParser {

    /** Siblings in start order (AgentOS lists them as stored); stable, so ties and spans without a start keep theirs. */
    private static final Comparator<TraceNode> START_ORDER = Comparator.comparing(TraceNode::startTime,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final String what;

    /** @param what the request, for messages ("GET /traces") */
    ResponseParser(String what) {
        this.what = what;
    }

    <T> Page<T> page(JsonNode root, Function<JsonNode, T> item) {
        return page(root, item, Integer.MAX_VALUE, false);
    }

    /**
     * @param max items kept: AgentOS may send more rows than asked for, and the bound must hold anyway
     * @param skipUnreadable an item that cannot be read is left out and named in {@link Page#skipped()}
     *        (its trace id and why) instead of failing the page
     */
    <T> Page<T> page(JsonNode root, Function<JsonNode, T> item, int max, boolean skipUnreadable) {
        JsonNode data = root.get("data");
        JsonNode meta = root.get("meta");
        if (!root.isObject() || data == null || !data.isArray() || meta == null || !meta.isObject()) {
            throw bad("a paginated reply with 'data' and 'meta'");
        }
        List<T> items = new ArrayList<>(Math.min(data.size(), max));
        List<String> skipped = new ArrayList<>();
        for (JsonNode n : data) {
            if (items.size() + skipped.size() >= max) {
                break;
            }
            try {
                items.add(item.apply(n));
            } catch (AgentOsException.BadResponse e) {
                if (!skipUnreadable) {
                    throw e;
                }
                JsonNode id = n.get("trace_id");
                skipped.add((id != null && id.isTextual() ? id.textValue() : "(a trace without an id)") + " ("
                        + e.reason() + ")");
            }
        }
        Double searchTime = meta.hasNonNull("search_time_ms") && meta.get("search_time_ms").isNumber()
                ? meta.get("search_time_ms").doubleValue() : null;
        // counts that lie (negative, fewer than the rows sent) are raised to what the page itself shows
        return new Page<>(items, new Page.Meta(
                integer(meta, "page", 1), integer(meta, "limit", items.size()),
                Math.max(0, integer(meta, "total_pages", 0)),
                Math.max(items.size(), longValue(meta, "total_count", items.size())), searchTime), skipped);
    }

    TraceSummary summary(JsonNode n) {
        requireObject(n, "a trace");
        return new TraceSummary(
                requiredText(n, "trace_id"), text(n, "name"), text(n, "status"), text(n, "duration"),
                instant(n, "start_time"), instant(n, "end_time"),
                integer(n, "total_spans", 0), integer(n, "error_count", 0),
                text(n, "input"), text(n, "run_id"), text(n, "session_id"), text(n, "user_id"),
                text(n, "agent_id"), text(n, "team_id"), text(n, "workflow_id"), instant(n, "created_at"));
    }

    TraceDetail detail(JsonNode n) {
        TraceSummary s = summary(n);
        JsonNode tree = n.get("tree");
        List<TraceNode> nodes = new ArrayList<>();
        if (tree != null && !tree.isNull()) {
            if (!tree.isArray()) {
                throw bad("'tree' to be a list of spans");
            }
            for (JsonNode t : tree) {
                nodes.add(node(t, 0));
            }
            nodes.sort(START_ORDER);
        }
        return new TraceDetail(s, text(n, "output"), text(n, "error"), nodes);
    }

    TraceNode node(JsonNode n, int depth) {
        requireObject(n, "a span");
        if (depth > 200) {
            throw bad("a span tree at most 200 levels deep");
        }
        List<TraceNode> children = List.of();
        JsonNode spans = n.get("spans");
        if (spans != null && !spans.isNull()) {
            if (!spans.isArray()) {
                throw bad("'spans' to be a list");
            }
            children = new ArrayList<>(spans.size());
            for (JsonNode c : spans) {
                children.add(node(c, depth + 1));
            }
            children.sort(START_ORDER);
        }
        Map<String, Object> metadata = Map.of();
        JsonNode md = n.get("metadata");
        if (md != null && md.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            md.fields().forEachRemaining(e -> m.put(e.getKey(), scalarOrJson(e.getValue())));
            metadata = Collections.unmodifiableMap(m);
        }
        return new TraceNode(requiredText(n, "id"), text(n, "name"), text(n, "type"), text(n, "status"),
                text(n, "duration"), instant(n, "start_time"), instant(n, "end_time"),
                text(n, "input"), text(n, "output"), text(n, "error"), text(n, "step_type"), metadata, children);
    }

    SessionStats sessionStats(JsonNode n) {
        requireObject(n, "a session");
        return new SessionStats(requiredText(n, "session_id"), text(n, "user_id"), text(n, "agent_id"),
                text(n, "team_id"), text(n, "workflow_id"), integer(n, "total_traces", 0),
                instant(n, "first_trace_at"), instant(n, "last_trace_at"));
    }

    FilterSchema filterSchema(JsonNode n) {
        requireObject(n, "a filter schema");
        List<FilterSchema.Field> fields = new ArrayList<>();
        JsonNode fs = n.get("fields");
        if (fs == null || !fs.isArray()) {
            throw bad("'fields' to be a list");
        }
        for (JsonNode f : fs) {
            requireObject(f, "a filter field");
            fields.add(new FilterSchema.Field(requiredText(f, "key"), text(f, "label"), text(f, "type"),
                    strings(f, "operators"), strings(f, "values")));
        }
        return new FilterSchema(fields, strings(n, "logical_operators"));
    }

    // ---- field readers -------------------------------------------------------------------------

    private static Object scalarOrJson(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.decimalValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNull()) {
            return null;
        }
        return Json.MAPPER.convertValue(v, Object.class); // lists and objects (workflow steps)
    }

    private List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw bad("'" + field + "' to be a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            out.add(e.asText());
        }
        return out;
    }

    private String requiredText(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            throw bad("'" + field + "' in every item");
        }
        return v;
    }

    private String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw bad("'" + field + "' to be text");
    }

    private int integer(JsonNode n, String field, int dflt) {
        long v = longValue(n, field, dflt);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw bad("'" + field + "' to be a 32-bit integer");
        }
        return (int) v;
    }

    private long longValue(JsonNode n, String field, long dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) {
            return (long) v.doubleValue();
        }
        throw bad("'" + field + "' to be an integer");
    }

    private Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        Instant t = Times.parseTimestamp(s);
        if (t == null) {
            throw bad("'" + field + "' to be an ISO 8601 timestamp");
        }
        return t;
    }

    private void requireObject(JsonNode n, String thing) {
        if (n == null || !n.isObject()) {
            throw bad(thing + " as a JSON object");
        }
    }

    private AgentOsException.BadResponse bad(String expected) {
        return new AgentOsException.BadResponse("AgentOS answered " + what + " with JSON we cannot read: expected "
                + expected + ". Is the server an AgentOS (agno 2.x) and is --base-url right?");
    }
}
