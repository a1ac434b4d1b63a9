package dev.agentos.traces.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.HttpTransport;
import dev.agentos.traces.client.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An AgentOS made of synthetic traces, answering {@code POST /traces/search} and {@code GET /traces} pages
 * in process (no sockets), so a test can make its paging lie in any way: repeat a page, shift rows, report
 * a wrong {@code total_count}, send more rows than asked.
 */
public final class SyntheticAgentOs implements HttpTransport {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Answers one page: the page number and size asked for, and how many requests came before. */
    public interface Pages {
        JsonNode page(int page, int limit, int requestNumber) throws IOException;
    }

    private final Pages pages;
    public final AtomicInteger requests = new AtomicInteger();
    public final List<String> asked = new ArrayList<>();

    private final Map<String, ? extends JsonNode> byId;

    public SyntheticAgentOs(Pages pages) {
        this(pages, null);
    }

    /** An AgentOS without POST /traces/search (404): GET /traces pages, and each trace at GET /traces/{id}. */
    public SyntheticAgentOs(Pages pages, Map<String, ? extends JsonNode> byId) {
        this.pages = pages;
        this.byId = byId;
    }

    public AgentOsClient client() {
        ConnectionOptions o = ConnectionOptions.resolve("http://agentos.invalid", null, null, null, null, Map.of());
        return new AgentOsClient(o, this, RetryPolicy.NEVER);
    }

    @Override
    public synchronized Response send(Request r) throws IOException {
        int n = requests.incrementAndGet();
        if (byId != null && !r.uri().getPath().equals("/traces")) {
            asked.add(r.method() + " " + r.uri().getPath());
            JsonNode t = r.method().equals("GET") ? byId.get(r.uri().getPath().substring("/traces/".length())) : null;
            return t == null ? new Response(404, "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8),
                    "application/json", null) : new Response(200, JSON.writeValueAsBytes(t), "application/json", null);
        }
        int page;
        int limit;
        if (r.method().equals("POST")) {
            JsonNode body = JSON.readTree(r.body());
            page = body.path("page").asInt(1);
            limit = body.path("limit").asInt(20);
        } else {
            String q = r.uri().getRawQuery() == null ? "" : r.uri().getRawQuery();
            page = Integer.parseInt(param(q, "page", "1"));
            limit = Integer.parseInt(param(q, "limit", "20"));
        }
        asked.add(r.method() + " " + r.uri().getPath() + " page=" + page + " limit=" + limit);
        JsonNode reply = pages.page(page, limit, n);
        return new Response(200, JSON.writeValueAsBytes(reply), "application/json", null);
    }

    private static String param(String q, String name, String dflt) {
        for (String kv : q.split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        return dflt;
    }

    /** A real trace (the fixture's first: 79 input + 24 output tokens) under a new id and start time. */
    public static ObjectNode trace(int i, Instant start) {
        ObjectNode t = base().deepCopy();
        t.put("trace_id", String.format("%032x", i + 1));
        t.put("start_time", start.toString());
        t.put("end_time", start.plusMillis(161).toString());
        return t;
    }

    /** Traces 0..n-1, newest first, one second apart, ending at 2026-11-23T23:00Z. */
    public static List<ObjectNode> traces(int n) {
        List<ObjectNode> out = new ArrayList<>();
        Instant newest = Instant.parse("2026-11-23T23:00:00Z");
        for (int i = 0; i < n; i++) {
            out.add(trace(i, newest.minusSeconds(i)));
        }
        return out;
    }

    /** A page envelope as AgentOS writes it. */
    public static ObjectNode page(List<? extends JsonNode> rows, int page, int limit, long totalCount, int totalPages) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        rows.forEach(data::add);
        ObjectNode meta = root.putObject("meta");
        meta.put("page", page).put("limit", limit).put("total_pages", totalPages).put("total_count", totalCount);
        return root;
    }

    /** The honest page {@code page} of {@code all}. */
    public static ObjectNode slice(List<ObjectNode> all, int page, int limit) {
        int from = Math.min(all.size(), (page - 1) * limit);
        int to = Math.min(all.size(), from + limit);
        return page(all.subList(from, to), page, limit, all.size(), (all.size() + limit - 1) / limit);
    }

    private static ObjectNode base() {
        try {
            return (ObjectNode) JSON.readTree(Fixtures.body("search_all_runs_limit100.json")
                    .getBytes(StandardCharsets.UTF_8)).get("data").get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
