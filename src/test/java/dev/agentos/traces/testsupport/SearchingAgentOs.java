package dev.agentos.traces.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An AgentOS that answers {@code POST /traces/search} over a fixed set of whole traces (real captured bodies,
 * unchanged), applying the filter expressions our scans send (AND, EQ, GTE start_time, LTE end_time) and paging
 * newest first, as AgentOS does. For questions over time windows, which the captured search pages cannot answer.
 */
public final class SearchingAgentOs implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> traces;
    private final HttpServer server;
    public final AtomicInteger searches = new AtomicInteger();

    public SearchingAgentOs(List<JsonNode> traces) throws IOException {
        this.traces = new ArrayList<>(traces);
        this.traces.sort(Comparator.comparing((JsonNode t) -> Instant.parse(t.get("start_time").asText())).reversed());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/traces/search", this::search);
        server.start();
    }

    /** The 22 traces of the captured search page (2026-11-23) and the 8 captured runs of 2026-11-30. */
    public static List<JsonNode> capturedTraces() {
        List<JsonNode> out = new ArrayList<>();
        try {
            JSON.readTree(Fixtures.body("search_all_runs_limit100.json")).get("data").forEach(out::add);
            for (String f : List.of("trace_math_agent_1", "trace_math_agent_2", "trace_math_agent_3",
                    "trace_math_agent_4", "trace_ops_agent_1", "trace_report_workflow_1", "trace_report_workflow_2",
                    "trace_support_team_1")) {
                out.add(JSON.readTree(Fixtures.body("runs/" + f + ".json")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void search(HttpExchange ex) throws IOException {
        searches.incrementAndGet();
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        int page = body.path("page").asInt(1);
        int limit = body.path("limit").asInt(20);
        List<JsonNode> hits = new ArrayList<>();
        for (JsonNode t : traces) {
            if (matches(body.get("filter"), t)) {
                hits.add(t);
            }
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode data = out.putArray("data");
        for (int i = (page - 1) * limit; i < Math.min(hits.size(), page * limit); i++) {
            data.add(hits.get(i));
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("page", page).put("limit", limit).put("total_pages", (hits.size() + limit - 1) / limit)
                .put("total_count", hits.size());
        byte[] bytes = JSON.writeValueAsBytes(out);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(bytes);
        }
    }

    static boolean matches(JsonNode f, JsonNode t) {
        if (f == null || f.isNull()) {
            return true;
        }
        String op = f.get("op").asText();
        if (op.equals("AND")) {
            for (JsonNode c : f.get("conditions")) {
                if (!matches(c, t)) {
                    return false;
                }
            }
            return true;
        }
        String key = f.get("key").asText();
        JsonNode v = t.get(key);
        if (v == null) {
            return false;
        }
        return switch (op) {
            case "EQ" -> v.asText().equals(f.get("value").asText());
            case "GTE" -> !Instant.parse(v.asText()).isBefore(Instant.parse(f.get("value").asText()));
            case "LTE" -> !Instant.parse(v.asText()).isAfter(Instant.parse(f.get("value").asText()));
            default -> throw new IllegalArgumentException("the fake does not know " + op);
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
