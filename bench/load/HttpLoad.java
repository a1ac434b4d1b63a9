import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N concurrent MCP sessions over Streamable HTTP, each making M list_traces calls, with the MCP Java
 * SDK's own client. Prints throughput, p50/p99 latency and errors.
 *   java -cp target/agentos-traces-mcp.jar bench/load/HttpLoad.java http://127.0.0.1:8848 50 200
 */
public class HttpLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int sessions = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            done.add(pool.submit(() -> {
                McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp").build())
                        .requestTimeout(Duration.ofSeconds(60)).build();
                try {
                    c.initialize();
                    for (int i = 0; i < calls; i++) {
                        long t = System.nanoTime();
                        try {
                            McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest("list_traces", Map.of("limit", 20)));
                            if (Boolean.TRUE.equals(r.isError())) {
                                errors.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - t);
                    }
                } catch (RuntimeException e) {
                    errors.addAndGet(calls);
                } finally {
                    c.closeGracefully();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%d sessions x %d calls = %d calls in %.2f s: %.0f calls/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d%n",
                sessions, calls, sorted.size(), wall, sorted.size() / wall, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.get(sorted.size() - 1) / 1e6, errors.get());
        System.exit(errors.get() == 0 ? 0 : 1);
    }
}
