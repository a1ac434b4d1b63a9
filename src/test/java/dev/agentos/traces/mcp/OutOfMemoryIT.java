package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.agentos.traces.testsupport.SyntheticAgentOs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8, as a user meets it: the built jar with a small heap against an AgentOS whose pages hold
 * large traces (100 traces of ~300 KB each: a 30 MB page). No stack trace, no hang: a scan asks for smaller
 * pages and answers; a reply that cannot fit is one "error:" line with its exit code.
 */
class OutOfMemoryIT {

    static final ObjectMapper JSON = new ObjectMapper();
    HttpServer agentOs;
    final List<String> asked = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        List<ObjectNode> traces = SyntheticAgentOs.traces(100);
        traces.forEach(t -> t.put("input", "q".repeat(300_000)));
        agentOs = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        agentOs.createContext("/", ex -> {
            int page = 1;
            int limit = 20;
            if (ex.getRequestMethod().equals("POST")) {
                JsonNode body = JSON.readTree(ex.getRequestBody());
                page = body.path("page").asInt(1);
                limit = body.path("limit").asInt(20);
            } else if (ex.getRequestURI().getRawQuery() != null) {
                for (String kv : ex.getRequestURI().getRawQuery().split("&")) {
                    page = kv.startsWith("page=") ? Integer.parseInt(kv.substring(5)) : page;
                    limit = kv.startsWith("limit=") ? Integer.parseInt(kv.substring(6)) : limit;
                }
            }
            synchronized (asked) {
                asked.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " limit=" + limit);
            }
            byte[] out = JSON.writeValueAsBytes(SyntheticAgentOs.slice(traces, page, limit));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            try (var os = ex.getResponseBody()) {
                os.write(out);
            } catch (IOException clientGaveUp) {
                // the client refused the body past its cap
            }
        });
        agentOs.start();
    }

    @AfterEach
    void stop() {
        agentOs.stop(0);
    }

    record Run(int code, String out, String err) {
    }

    Run cli(String heap, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JavaProcess.java(), "-XX:+UseSerialGC", heap, "-jar", JavaProcess.jar()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "no hang");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    String url() {
        return "http://127.0.0.1:" + agentOs.getAddress().getPort();
    }

    @Test
    void aScanOfLargeTracesAsksForSmallerPagesAndAnswers() throws Exception {
        Run r = cli("-Xmx64m", "tokens", "--base-url", url());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("Tokens over 100 traces (every trace): 10300 "), r::toString);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
        assertTrue(asked.contains("POST /traces/search limit=5"), asked::toString);
    }

    @Test
    void aReplyThatCannotFitIsOneErrorLineNotAStackTrace() throws Exception {
        Run r = cli("-Xmx48m", "list", "--limit", "100", "--max-response-mb", "1024", "--base-url", url());
        assertTrue(r.code() == 6 || r.code() == 1, r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith("error: ") && r.err().lines().count() == 1, r::toString);
        assertTrue(r.err().contains("memory") && r.err().contains("-Xmx"), r::toString);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);

        Run capped = cli("-Xmx48m", "list", "--limit", "100", "--base-url", url());
        assertEquals(6, capped.code(), capped::toString);
        assertTrue(capped.err().startsWith("error: AgentOS's reply to GET /traces is larger than 4 MB, the size cap"),
                capped::toString);
    }
}
