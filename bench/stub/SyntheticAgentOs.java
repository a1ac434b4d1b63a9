import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic AgentOS for benchmarks: deterministic, realistic traces (an agent root, LLM calls with a
 * ~2 KB prompt and token metadata over three models, tool calls, one failing tool in every 10th trace),
 * shaped like the real agno 2.9.0 bodies. Loopback only.
 *
 *   java bench/stub/SyntheticAgentOs.java [--port 0] [--traces 10000] [--spans 8] [--delay-ms 0] [--no-search]
 *
 * Prints "port N" on stdout when ready. GET /__requests returns the request count; POST /__reset zeroes it.
 */
public class SyntheticAgentOs {

    static int traces = 10_000;
    static int spans = 8;
    static int delayMs = 0;
    static boolean search = true;
    static final AtomicLong REQUESTS = new AtomicLong();
    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    static final String[] MODELS = {"gpt-4o-mini", "claude-sonnet-4", "gemini-2.5-flash"};
    static final String PROMPT = "{\"messages\": [{\"role\": \"system\", \"content\": \"" + "You are a helpful support agent. ".repeat(60) + "\"}]}";

    public static void main(String[] args) throws Exception {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--traces" -> traces = Integer.parseInt(args[++i]);
                case "--spans" -> spans = Math.max(2, Integer.parseInt(args[++i]));
                case "--delay-ms" -> delayMs = Integer.parseInt(args[++i]);
                case "--no-search" -> search = false;
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        System.setProperty("sun.net.httpserver.nodelay", "true"); // no 40 ms Nagle/delayed-ACK stalls
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", SyntheticAgentOs::handle);
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
    }

    static void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        try {
            if (path.equals("/__requests")) {
                send(ex, 200, "{\"requests\": " + REQUESTS.get() + "}");
                return;
            }
            if (path.equals("/__reset")) {
                REQUESTS.set(0);
                send(ex, 200, "{}");
                return;
            }
            REQUESTS.incrementAndGet();
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            if (path.equals("/traces")) {
                int page = Integer.parseInt(q.getOrDefault("page", "1"));
                int limit = Integer.parseInt(q.getOrDefault("limit", "20"));
                send(ex, 200, page(page, limit, false));
            } else if (path.equals("/traces/search") && search) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                send(ex, 200, page(intField(body, "page", 1), intField(body, "limit", 20), true));
            } else if (path.startsWith("/traces/") && !path.equals("/traces/search")) {
                int i = Integer.parseInt(path.substring(8), 16);
                send(ex, i < traces ? 200 : 404, i < traces ? detail(i) : "{\"detail\": \"Trace not found\"}");
            } else if (path.equals("/trace_session_stats")) {
                send(ex, 200, "{\"data\": [{\"session_id\": \"s-0\", \"total_traces\": " + traces
                        + ", \"first_trace_at\": \"" + T0 + "\", \"last_trace_at\": \"" + T0 + "\"}], "
                        + "\"meta\": {\"page\": 1, \"limit\": 20, \"total_pages\": 1, \"total_count\": 1, \"search_time_ms\": 1.0}}");
            } else {
                send(ex, 404, "{\"detail\": \"Not Found\"}");
            }
        } catch (Exception e) {
            send(ex, 500, "{\"detail\": \"Error: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    static int intField(String body, String name, int dflt) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : dflt;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }

    static String page(int page, int limit, boolean full) {
        StringBuilder b = new StringBuilder(full ? limit * 24_000 : limit * 600).append("{\"data\": [");
        int from = (page - 1) * limit;
        for (int k = 0; k < limit && from + k < traces; k++) {
            if (k > 0) {
                b.append(", ");
            }
            b.append(full ? detail(from + k) : summary(from + k, true));
        }
        int pages = (traces + limit - 1) / limit;
        return b.append("], \"meta\": {\"page\": ").append(page).append(", \"limit\": ").append(limit)
                .append(", \"total_pages\": ").append(pages).append(", \"total_count\": ").append(traces)
                .append(", \"search_time_ms\": 3.21}}").toString();
    }

    static String id(int i) {
        return String.format("%032x", i);
    }

    static Instant start(int i) {
        return T0.plusSeconds(traces - i); // newest first
    }

    static String summary(int i, boolean close) {
        Instant s = start(i);
        Instant e = s.plusMillis(spans * 120L);
        String str = "{\"trace_id\": \"" + id(i) + "\", \"name\": \"Support_Agent.arun\", \"status\": \"OK\", "
                + "\"duration\": \"" + (spans * 120) / 1000.0 + "0s\", \"start_time\": \"" + s + "\", \"end_time\": \"" + e
                + "\", \"total_spans\": " + spans + ", \"error_count\": " + (i % 10 == 0 ? 1 : 0)
                + ", \"input\": \"Where is order " + i + "?\", \"run_id\": \"run-" + i + "\", \"session_id\": \"s-" + (i % 50)
                + "\", \"user_id\": \"user-" + (i % 7) + "\", \"agent_id\": \"support-agent\", \"created_at\": \"" + s + "\"";
        return close ? str + "}" : str;
    }

    static String detail(int i) {
        StringBuilder children = new StringBuilder();
        Instant s = start(i);
        long in = 0;
        long out = 0;
        for (int c = 1; c < spans; c++) {
            Instant cs = s.plusMillis(c * 100L);
            if (c > 1) {
                children.append(", ");
            }
            String common = "\"id\": \"" + String.format("%016x", (long) i * 64 + c) + "\", \"start_time\": \"" + cs
                    + "\", \"end_time\": \"" + cs.plusMillis(90) + "\", \"duration\": \"90ms\"";
            if (c % 2 == 1) {
                long ti = 500 + (i % 97) + c;
                long to = 40 + (i % 13);
                in += ti;
                out += to;
                children.append("{").append(common).append(", \"name\": \"OpenAIChat.ainvoke\", \"type\": \"LLM\", \"status\": \"OK\", ")
                        .append("\"input\": ").append(json(PROMPT)).append(", \"output\": \"[{\\\"role\\\": \\\"assistant\\\"}]\", ")
                        .append("\"metadata\": {\"model\": \"").append(MODELS[(i + c) % 3]).append("\", \"input_tokens\": ")
                        .append(ti).append(", \"output_tokens\": ").append(to).append("}}");
            } else {
                boolean fail = i % 10 == 0 && c == 2;
                children.append("{").append(common).append(", \"name\": \"lookup_order\", \"type\": \"TOOL\", \"status\": \"")
                        .append(fail ? "ERROR\", \"error\": \"order service timed out\"" : "OK\", \"output\": \"{\\\"ok\\\": true}\"")
                        .append(", \"input\": \"{\\\"order_id\\\": ").append(i).append("}\", \"metadata\": {\"tool_name\": \"lookup_order\", ")
                        .append("\"parameters\": \"{\\\"order_id\\\": ").append(i).append("}\"}}");
            }
        }
        Instant e = s.plusMillis(spans * 120L);
        return summary(i, false) + ", \"output\": \"Order " + i + " ships tomorrow.\", \"tree\": [{\"id\": \""
                + String.format("%016x", (long) i * 64) + "\", \"name\": \"Support_Agent.arun\", \"type\": \"AGENT\", "
                + "\"duration\": \"" + (spans * 120) + "ms\", \"start_time\": \"" + s + "\", \"end_time\": \"" + e
                + "\", \"status\": \"OK\", \"metadata\": {\"total_input_tokens\": " + in + ", \"total_output_tokens\": " + out
                + "}, \"spans\": [" + children + "]}]}";
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }
}
