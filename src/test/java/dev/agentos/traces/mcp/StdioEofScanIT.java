package dev.agentos.traces.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.testsupport.Fixtures;
import dev.agentos.traces.testsupport.Stubs;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 14.3: stdin closing mid-scan (the client is gone) left the scan running for up to a minute. */
class StdioEofScanIT {

    @Test
    void stdinClosingStopsARunningScanBeforeItsNextRequest() throws Exception {
        WireMockServer agentOs = Stubs.started();
        try {
            agentOs.stubFor(post(urlPathEqualTo("/traces/search")).willReturn(aResponse().withStatus(404)
                    .withBody("{\"detail\":\"Not Found\"}")));
            agentOs.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("limit", equalTo("100"))
                    .willReturn(aResponse().withStatus(200).withBody(Fixtures.body("traces_limit100.json"))));
            agentOs.stubFor(get(urlPathMatching("/traces/[0-9a-f]{32}")).willReturn(aResponse().withStatus(200)
                    .withFixedDelay(400).withBody(Fixtures.body("trace_detail_tool_error.json"))));
            Process p = new ProcessBuilder(JavaProcess.java(), "-jar", JavaProcess.jar(), "serve", "--base-url",
                    agentOs.baseUrl(), "--concurrency", "1").redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                for (String l : new String[] {HostileStdioIT.INIT, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"find_errors\",\"arguments\":{}}}"}) {
                    in.write((l + "\n").getBytes(StandardCharsets.UTF_8));
                }
                in.flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (fetched(agentOs) < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(fetched(agentOs) >= 2, "the scan started");
            }
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "stdin closed: the process ends");
            assertEquals(0, p.exitValue());
            int atExit = fetched(agentOs);
            assertTrue(atExit <= 4, "the scan stopped at EOF: " + atExit + " of 21 traces fetched");
        } finally {
            agentOs.stop();
        }
    }

    static int fetched(WireMockServer agentOs) {
        return agentOs.findAll(getRequestedFor(urlPathMatching("/traces/[0-9a-f]{32}"))).size();
    }
}
