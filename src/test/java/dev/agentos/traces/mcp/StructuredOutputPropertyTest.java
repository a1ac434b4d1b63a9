package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.HttpTransport;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.client.RetryPolicy;
import dev.agentos.traces.testsupport.Fixtures;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Issue 14 item 12: for any trace the parser accepts (spans without name, type or status, odd token counts,
 * missing times, deep or empty trees), every tool's structuredContent validates against its own outputSchema,
 * and no text says "null".
 */
class StructuredOutputPropertyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TRACE = ToolErrorsTest.TRACE;
    static final JsonSchemaValidator VALIDATOR = new DefaultJsonSchemaValidator(Json.MAPPER);
    static final String[] TYPES = {"LLM", "TOOL", "AGENT", "TEAM", "WORKFLOW", "STEP", "CHAIN", "x"};
    static final String[] STATUSES = {"OK", "ERROR", "UNSET", "odd"};

    @Property(tries = 250)
    void everyToolsStructuredOutputMatchesItsSchema(@ForAll long seed) {
        ObjectNode trace = trace(new Random(seed));
        AgentOsClient client = new AgentOsClient(ConnectionOptions.resolve("http://agentos.invalid", null, null, null,
                null, Map.of()), new OneTrace(trace), RetryPolicy.NEVER);
        List<AgentOsTool> tools = ServerAssembly.tools(() -> client, Clock.systemUTC());
        for (AgentOsTool t : tools) {
            List<Map<String, Object>> calls = new ArrayList<>();
            calls.add(ToolErrorsTest.CALLS.get(t.name()));
            if (List.of("total_tokens", "token_cost", "slow_spans", "find_errors").contains(t.name())) {
                calls.add(Map.of()); // the scan form
            }
            for (Map<String, Object> args : calls) {
                CallToolResult r = t.call(args);
                String text = ToolErrorsTest.text(r);
                if (r.isError()) {
                    assertTrue(!text.contains("unexpectedly"), () -> t.name() + " " + args + ": " + text + "\n" + trace);
                    continue;
                }
                JsonSchemaValidator.ValidationResponse v = VALIDATOR.validate(
                        t.outputSchema(), r.structuredContent());
                assertTrue(v.valid(), () -> t.name() + " " + args + ": " + v.errorMessage() + "\n" + trace);
                assertTrue(!text.contains("null null") && !text.matches("(?s).*\\bnull\\b.*"),
                        () -> t.name() + " " + args + " printed null:\n" + text + "\n" + trace);
            }
        }
    }

    /** One trace with any mix of present and absent fields. */
    static ObjectNode trace(Random r) {
        ObjectNode t = JSON.createObjectNode();
        t.put("trace_id", TRACE);
        maybe(r, t, "name", "Agent.arun");
        if (r.nextBoolean()) {
            t.put("status", pick(r, STATUSES));
        }
        Instant start = Instant.parse("2026-11-23T23:00:00Z").plusMillis(r.nextInt(100_000));
        if (r.nextInt(4) > 0) {
            t.put("start_time", start.toString());
        }
        if (r.nextInt(4) > 0) {
            t.put("end_time", start.plusMillis(r.nextInt(5000)).toString());
        }
        if (r.nextBoolean()) {
            t.put("duration", r.nextInt(5000) + "ms");
        }
        if (r.nextBoolean()) {
            t.put("total_spans", r.nextInt(50));
        }
        if (r.nextBoolean()) {
            t.put("error_count", r.nextInt(3));
        }
        maybe(r, t, "input", "question?");
        maybe(r, t, "output", "answer.");
        maybe(r, t, "error", "it broke");
        maybe(r, t, "run_id", "run-1");
        maybe(r, t, "session_id", "sess-1");
        maybe(r, t, "user_id", "bob");
        maybe(r, t, "agent_id", "ops-agent");
        if (r.nextInt(5) > 0) {
            ArrayNode tree = t.putArray("tree");
            int roots = r.nextInt(3);
            int[] ids = {0};
            for (int i = 0; i < roots; i++) {
                tree.add(span(r, start, 0, ids));
            }
        }
        return t;
    }

    static ObjectNode span(Random r, Instant start, int depth, int[] ids) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", String.format("%016x", ++ids[0]));
        maybe(r, s, "name", "span" + ids[0]);
        if (r.nextInt(4) > 0) {
            s.put("type", pick(r, TYPES));
        }
        if (r.nextInt(4) > 0) {
            s.put("status", pick(r, STATUSES));
        }
        Instant st = start.plusMillis(r.nextInt(1000));
        if (r.nextInt(4) > 0) {
            s.put("start_time", st.toString());
        }
        if (r.nextInt(4) > 0) {
            s.put("end_time", st.plusMillis(r.nextInt(2000)).toString());
        }
        if (r.nextBoolean()) {
            s.put("duration", r.nextInt(3000) + "ms");
        }
        maybe(r, s, "input", "in");
        maybe(r, s, "output", "out");
        maybe(r, s, "error", "boom");
        if (r.nextBoolean()) {
            ObjectNode md = s.putObject("metadata");
            maybe(r, md, "model", "gpt-4o");
            maybe(r, md, "tool_name", "add");
            for (String k : new String[] {"input_tokens", "output_tokens"}) {
                switch (r.nextInt(7)) {
                    case 0 -> md.put(k, r.nextInt(10_000));
                    case 1 -> md.put(k, Long.MAX_VALUE);
                    case 2 -> md.put(k, -3);
                    case 3 -> md.put(k, "12");
                    case 4 -> md.put(k, 1e30);
                    case 5 -> md.put(k, new java.math.BigInteger("1000000000000000000000000000000"));
                    default -> { }
                }
            }
        }
        if (depth < 4 && r.nextInt(3) == 0) {
            ArrayNode kids = s.putArray("spans");
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                kids.add(span(r, st, depth + 1, ids));
            }
        }
        return s;
    }

    static void maybe(Random r, ObjectNode n, String field, String value) {
        if (r.nextBoolean()) {
            n.put(field, value);
        }
    }

    static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    /** An AgentOS that knows one trace: search pages, list rows, the trace itself, its first span, sessions. */
    static final class OneTrace implements HttpTransport {
        final ObjectNode trace;

        OneTrace(ObjectNode trace) {
            this.trace = trace;
        }

        @Override
        public Response send(Request req) throws IOException {
            String path = req.uri().getPath();
            String query = req.uri().getRawQuery() == null ? "" : req.uri().getRawQuery();
            JsonNode body;
            if (path.equals("/traces/search")) {
                body = page(trace);
            } else if (path.equals("/traces")) {
                ObjectNode summary = trace.deepCopy();
                summary.remove(List.of("tree", "output", "error"));
                body = page(summary);
            } else if (path.equals("/traces/filter-schema")) {
                body = JSON.readTree(Fixtures.body("traces_filter_schema.json"));
            } else if (path.equals("/trace_session_stats")) {
                body = JSON.readTree(Fixtures.body("trace_session_stats.json"));
            } else if (query.contains("span_id=")) {
                JsonNode tree = trace.get("tree");
                if (tree == null || tree.isEmpty()) {
                    return new Response(404, "{\"detail\":\"Span not found\"}".getBytes(), "application/json", null);
                }
                body = tree.get(0);
            } else {
                body = trace;
            }
            return new Response(200, JSON.writeValueAsBytes(body), "application/json", null);
        }

        static JsonNode page(JsonNode row) {
            ObjectNode root = JSON.createObjectNode();
            root.putArray("data").add(row);
            root.putObject("meta").put("page", 1).put("limit", 100).put("total_pages", 1).put("total_count", 1);
            return root;
        }
    }
}
