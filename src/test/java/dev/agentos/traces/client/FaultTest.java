package dev.agentos.traces.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.testsupport.AgentOsStub;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Faults that hang or flood a naive client: each ends in bounded time with one sentence, and leaves nothing behind. */
class FaultTest {

    static Set<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> !n.startsWith("qtp") && !n.contains("WireMock") && !n.startsWith("ForkJoinPool")
                        && !n.startsWith("Connector-Scheduler")) // WireMock's own Jetty, not ours
                .collect(Collectors.toSet());
    }

    static AgentOsClient client(String url, long timeoutMs) {
        ConnectionOptions o = ConnectionOptions.resolve(url, null, Duration.ofMillis(500), Duration.ofMillis(timeoutMs),
                null, Map.of());
        return new AgentOsClient(o, new UrlConnectionTransport(o), RetryPolicy.NEVER);
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accept, read nothing, answer nothing
                    }
                } catch (Exception closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long t0 = System.nanoTime();
            AgentOsException e = assertThrows(AgentOsException.Timeout.class,
                    () -> client("http://127.0.0.1:" + silent.getLocalPort(), 400).listTraces(TraceFilter.NONE, 1, 20));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 5_000, "bounded by the timeout, took " + ms + " ms");
            assertTrue(e.getMessage().contains("within 400 ms"), e.getMessage());
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aReplyDribbledPastTheDeadlineIsATimeoutAndTheNextCallWorks() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        try {
            Set<String> before = threads();
            server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"data\": [], \"meta\": {}}"
                    + " ".repeat(4000)).withChunkedDribbleDelay(40, 3000)));
            assertThrows(AgentOsException.Timeout.class,
                    () -> client(server.baseUrl(), 600).listTraces(TraceFilter.NONE, 1, 20));
            server.resetAll();
            AgentOsStub.open(server);
            assertEquals(21, client(server.baseUrl(), 2000).listTraces(TraceFilter.NONE, 1, 20).meta().totalCount());
            Set<String> after = threads();
            after.removeAll(before);
            // only the JDK's single keep-alive timer and our single deadline timer (daemons, by design) may appear
            assertTrue(after.stream().allMatch(n -> n.equals("Keep-Alive-Timer") || n.equals("agentos-deadline")),
                    "threads left behind: " + after);
        } finally {
            server.stop();
        }
    }

    @Test
    void headersDribbledOneLineASecondEndAtTheDeadline() throws Exception {
        try (ServerSocket slow = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = slow.accept()) {
                    var out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\n".getBytes());
                    for (int i = 0; i < 40; i++) { // a header line every 300 ms: each read is in time, the whole is not
                        out.write(("X-Pad-" + i + ": x\r\n").getBytes());
                        out.flush();
                        Thread.sleep(300);
                    }
                } catch (Exception closed) {
                    // the client gave up: test over
                }
            });
            server.setDaemon(true);
            server.start();
            long t0 = System.nanoTime();
            AgentOsException e = assertThrows(AgentOsException.Timeout.class,
                    () -> client("http://127.0.0.1:" + slow.getLocalPort(), 1000).listTraces(TraceFilter.NONE, 1, 20));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 2_500, "one deadline for the whole exchange, headers included; took " + ms + " ms");
            assertTrue(e.getMessage().contains("within 1000 ms"), e.getMessage());
        }
    }

    @Test
    void aFiftyMegabyteReplyIsRefusedPastTheCap() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        try {
            server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                    .withBody("{\"pad\": \"" + "x".repeat(50 * 1024 * 1024) + "\"}")));
            ConnectionOptions o = ConnectionOptions.resolve(server.baseUrl(), null, null, null, null, Map.of())
                    .withMaxBodyBytes(8 * 1024 * 1024);
            AgentOsClient c = new AgentOsClient(o, new UrlConnectionTransport(o), RetryPolicy.NEVER);
            AgentOsException e = assertThrows(AgentOsException.BadResponse.class, () -> c.listTraces(TraceFilter.NONE, 1, 20));
            assertEquals("AgentOS's reply to GET /traces is larger than 8 MB, the size cap; ask for fewer items (a smaller limit).",
                    e.getMessage());
        } finally {
            server.stop();
        }
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyStaysHome() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        try {
            server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", "http://elsewhere.example/traces")));
            ConnectionOptions o = ConnectionOptions.resolve(server.baseUrl(), null, null, null, null,
                    Map.of("AGENTOS_SECURITY_KEY", "do-not-send-elsewhere"));
            AgentOsClient c = new AgentOsClient(o, new UrlConnectionTransport(o), RetryPolicy.NEVER);
            AgentOsException e = assertThrows(AgentOsException.BadResponse.class, () -> c.listTraces(TraceFilter.NONE, 1, 20));
            assertEquals("AgentOS answered GET /traces with a redirect (302); set --base-url to the address it redirects to.",
                    e.getMessage());
            assertEquals(1, server.getAllServeEvents().size(), "one request, the redirect not followed");
        } finally {
            server.stop();
        }
    }
}
