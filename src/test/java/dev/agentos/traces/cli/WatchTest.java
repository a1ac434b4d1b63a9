package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agentos.traces.testsupport.Fixtures;
import dev.agentos.traces.testsupport.Stubs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** list --watch: the page, then only traces that arrive, backing off on errors, stopping cleanly. */
class WatchTest {

    @Test
    void showsNewTracesAsTheyArriveAndBacksOffOnErrors() throws Exception {
        WireMockServer server = Stubs.started();
        try {
            ObjectNode full = (ObjectNode) CliTestBase.JSON.readTree(Fixtures.body("traces_list.json"));
            ObjectNode older = full.deepCopy();
            ArrayNode data = (ArrayNode) older.get("data");
            String newest = data.get(0).get("trace_id").asText();
            data.remove(0); // the newest trace has not happened yet
            server.stubFor(get(urlPathEqualTo("/traces")).inScenario("w").whenScenarioStateIs(Scenario.STARTED)
                    .willSetStateTo("down").willReturn(aResponse().withStatus(200).withBody(older.toString())));
            server.stubFor(get(urlPathEqualTo("/traces")).inScenario("w").whenScenarioStateIs("down")
                    .willSetStateTo("up").willReturn(aResponse().withStatus(500).withBody("{\"detail\": \"Error retrieving traces: db locked\"}")));
            server.stubFor(get(urlPathEqualTo("/traces")).inScenario("w").whenScenarioStateIs("up")
                    .willReturn(aResponse().withStatus(200).withBody(full.toString())));
            List<Duration> pauses = new ArrayList<>();
            Context ctx = new Context(new HashMap<>(Map.of("AGENTOS_URL", server.baseUrl())), CliRun.CLOCK, false, d -> {
                pauses.add(d);
                if (pauses.size() == 4) {
                    throw new InterruptedException("Ctrl-C");
                }
            });
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"list", "--watch", "2"}, ctx, new PrintWriter(out, true),
                    new PrintWriter(err, true), true);
            assertEquals(0, code, err::toString);
            String o = out.toString();
            assertTrue(o.startsWith("Traces 1-19 of 21"), o);
            assertTrue(o.contains("watching for new traces every 2 s; Ctrl-C stops"), o);
            assertEquals(1, o.split(newest, -1).length - 1 - 0, "the newest trace shown once, when it arrived: " + o);
            assertTrue(o.contains("2026-11-24 00:00:00  1 new trace\n" + newest + "  "), o);
            assertTrue(err.toString().startsWith("error: AgentOS failed with an internal error (500): Error retrieving "
                    + "traces: db locked (trying again in 4 s)"), err::toString);
            assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                    pauses, "every 2 s, 4 s after an error, back to 2 s");
            assertEquals(2, CliRun.run(Map.of("AGENTOS_URL", server.baseUrl()), "list", "--watch", "1").code());
            assertEquals(2, CliRun.run(Map.of("AGENTOS_URL", server.baseUrl()), "list", "--watch", "5", "--json").code());
        } finally {
            server.stop();
        }
    }
}
