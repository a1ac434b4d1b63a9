package dev.agentos.traces.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.agentos.traces.testsupport.Fixtures;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of failed calls of every kind leave nothing behind: no file descriptor (socket), no thread, no
 * retained memory. A warm-up round fills the keep-alive pool and loads classes; the next round, five times
 * longer, must not grow any of them.
 */
class LeakTest {

    static final String OK = "0809167314b7f072717716997a701ef0";
    static final Map<String, String> FAULTS = new LinkedHashMap<>();

    static {
        FAULTS.put("reset", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        FAULTS.put("500", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        FAULTS.put("html", "cccccccccccccccccccccccccccccccc");
        FAULTS.put("truncated", "dddddddddddddddddddddddddddddddd");
        FAULTS.put("too big", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
        FAULTS.put("too slow", "ffffffffffffffffffffffffffffffff");
        FAULTS.put("garbage", "99999999999999999999999999999999");
    }

    static int openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    static long heapAfterGc() throws InterruptedException {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            best = Math.min(best, m.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    static void round(AgentOsClient client, int times) {
        for (int i = 0; i < times; i++) {
            for (Map.Entry<String, String> f : FAULTS.entrySet()) {
                try {
                    client.getTrace(f.getValue(), null);
                    throw new AssertionError(f.getKey() + " did not fail");
                } catch (AgentOsException expected) {
                    // one sentence; checked elsewhere
                }
                assertEquals(OK, client.getTrace(OK, null).traceId(), "the next call works after " + f.getKey());
            }
        }
    }

    @Test
    void failedCallsLeaveNoSocketThreadOrMemoryBehind() throws Exception {
        assumeTrue(openFiles() > 0, "needs /proc/self/fd (Linux)");
        // no request journal: WireMock would otherwise keep every reply (2 MB ones included) in its own heap
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().disableRequestJournal());
        server.start();
        try {
            String big = "{\"trace_id\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
            server.stubFor(get(urlPathEqualTo("/traces/" + FAULTS.get("reset")))
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            server.stubFor(get(urlPathEqualTo("/traces/" + FAULTS.get("500")))
                    .willReturn(aResponse().withStatus(500).withBody("{\"detail\": \"boom\"}")));
            server.stubFor(get(urlPathEqualTo("/traces/" + FAULTS.get("html")))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>hi</html>")));
            server.stubFor(get(urlPathEqualTo("/traces/" + FAULTS.get("truncated")))
                    .willReturn(aResponse().withStatus(200).withBody("{\"trace_id\": \"dd")));
            server.stubFor(get(urlPathEqualTo("/traces/" + FAULTS.get("too big")))
                    .willReturn(aResponse().withStatus(200).withBody(big)));
            server.stubFor(get(urlPathEqualTo("/traces/" + FAULTS.get("too slow")))
                    .willReturn(aResponse().withStatus(200).withFixedDelay(200).withBody(Fixtures.body("trace_detail_tool_ok.json"))));
            server.stubFor(get(urlPathEqualTo("/traces/" + FAULTS.get("garbage")))
                    .willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
            server.stubFor(get(urlPathEqualTo("/traces/" + OK))
                    .willReturn(aResponse().withStatus(200).withBody(Fixtures.body("trace_detail_tool_ok.json"))));
            ConnectionOptions o = ConnectionOptions.resolve(server.baseUrl(), null, Duration.ofMillis(500),
                    Duration.ofMillis(100), null, Map.of()).withMaxBodyBytes(1024 * 1024);
            AgentOsClient client = new AgentOsClient(o, new UrlConnectionTransport(o), RetryPolicy.NEVER);

            round(client, 5);
            Thread.sleep(400); // the slow replies WireMock is still writing end
            int fdsBefore = openFiles();
            Set<String> threadsBefore = FaultTest.threads();
            long heapBefore = heapAfterGc();

            round(client, 25);
            Thread.sleep(400);
            int fdsAfter = openFiles();
            Set<String> threadsAfter = FaultTest.threads();
            long heapAfter = heapAfterGc();

            System.err.printf("LeakTest: fds %d -> %d, heap %d -> %d KB%n", fdsBefore, fdsAfter, heapBefore / 1024,
                    heapAfter / 1024);
            assertTrue(fdsAfter - fdsBefore <= 4, "file descriptors grew from " + fdsBefore + " to " + fdsAfter
                    + " over 175 failed calls");
            assertTrue(threadsBefore.containsAll(threadsAfter), "threads left behind: " + threadsAfter);
            assertTrue(heapAfter - heapBefore < 8L * 1024 * 1024, "heap grew by " + (heapAfter - heapBefore) / 1024
                    + " KB over 175 failed calls (25 of them 2 MB replies)");
        } finally {
            server.stop();
        }
    }
}
