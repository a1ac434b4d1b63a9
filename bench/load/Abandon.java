import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N Streamable HTTP sessions, C at a time, each opened (initialize, initialized), used once (list_traces) and
 * abandoned: no DELETE, no listening stream, as a client that crashed or forgot. Prints how many were served,
 * refused (503: the session cap) and failed.
 *   java bench/load/Abandon.java http://127.0.0.1:8848 1000 16
 */
public class Abandon {
    public static void main(String[] args) throws Exception {
        String url = args[0] + "/mcp";
        int sessions = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < sessions; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                try {
                    HttpResponse<String> init = http.send(req(url, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                            + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"abandon-"
                            + n + "\",\"version\":\"1\"}}}"), HttpResponse.BodyHandlers.ofString());
                    if (init.statusCode() == 503) {
                        refused.incrementAndGet();
                        return;
                    }
                    String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
                    http.send(req(url, id, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                            HttpResponse.BodyHandlers.discarding());
                    HttpResponse<String> call = http.send(req(url, id, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                            + "\"params\":{\"name\":\"list_traces\",\"arguments\":{\"limit\":5}}}"), HttpResponse.BodyHandlers.ofString());
                    if (call.statusCode() == 200 && call.body().contains("\"isError\":false")) {
                        served.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("%d sessions in %.1f s: %d served, %d refused (cap), %d failed%n", sessions,
                (System.nanoTime() - t0) / 1e9, served.get(), refused.get(), failed.get());
    }

    static HttpRequest req(String url, String session, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return b.build();
    }
}
