package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agentos.traces.testsupport.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** list --watch: rounds driven by a recording sleeper, never real sleep; a bounded number of rounds. */
class ListWatchTest extends CliTestBase {

    final List<Duration> slept = new ArrayList<>();

    Context context() {
        Map<String, String> env = new HashMap<>();
        env.put("AGENTOS_URL", server.baseUrl());
        return new Context(env, CliRun.CLOCK, Terminal.PIPED, slept::add);
    }

    CliRun.Result watch(String... args) {
        StringWriter out = new StringWriter();
        CliRun.Result r = CliRun.run(context(), new PrintWriter(out, true), args);
        return new CliRun.Result(r.code(), out.toString(), r.err());
    }

    /** GET /traces answers, round by round, with these fixtures (null: a 500). */
    void rounds(String... bodies) {
        for (int i = 0; i < bodies.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "round " + i;
            var response = bodies[i] == null
                    ? aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                            .withBody("{\"detail\":\"database is restarting\"}")
                    : aResponse().withHeader("Content-Type", "application/json").withBody(Fixtures.body(bodies[i]));
            server.stubFor(get(urlPathEqualTo("/traces")).atPriority(1).inScenario("watch").whenScenarioStateIs(state)
                    .willReturn(response).willSetStateTo("round " + (i + 1)));
        }
    }

    @Test
    void printsOnlyNewTracesAndBacksOffOnErrors() {
        rounds("traces_limit5_page2.json", "traces_list.json", null, null, "traces_list.json", "traces_list.json");
        CliRun.Result r = watch("list", "--watch", "2", "--watch-rounds", "6");
        assertEquals(0, r.code(), r::toString);
        // every trace printed once: the first five, then the fifteen the second round brought
        List<String> ids = listedIds(r.out());
        assertEquals(20, ids.size(), r.out());
        assertEquals(new HashSet<>(fixtureIds("traces_list.json")), new HashSet<>(ids));
        assertEquals(new HashSet<>(fixtureIds("traces_limit5_page2.json")), new HashSet<>(ids.subList(0, 5)));
        List<String> stamps = r.out().lines().filter(l -> l.startsWith("[")).toList();
        assertEquals(List.of("[2026-11-24T00:00:00Z] 5 traces; watching every 2 s, Ctrl-C to stop",
                "[2026-11-24T00:00:00Z] 15 new traces"), stamps);
        // oldest first within a round
        List<String> firstRound = fixtureIds("traces_limit5_page2.json");
        assertEquals(firstRound.get(firstRound.size() - 1), ids.get(0));
        assertEquals(firstRound.get(0), ids.get(4));
        // two failed rounds: one line each, waits doubled, then back to every 2 s after a good round
        List<String> errors = r.err().lines().toList();
        assertEquals(2, errors.size(), r::toString);
        assertTrue(errors.get(0).startsWith("error: ") && errors.get(0).endsWith("(trying again in 4 s)"), r::toString);
        assertTrue(errors.get(1).endsWith("(trying again in 8 s)"), r::toString);
        assertTrue(errors.get(0).contains("database is restarting"), r::toString);
        assertEquals(List.of(2L, 2L, 4L, 8L, 2L), slept.stream().map(Duration::toSeconds).toList());
        server.verify(6, getRequestedFor(urlPathEqualTo("/traces")));
    }

    @Test
    void theBackOffStopsAtSixtySeconds() {
        server.stubFor(get(urlPathEqualTo("/traces")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"detail\":\"down\"}")));
        CliRun.Result r = watch("list", "--watch", "20", "--watch-rounds", "5");
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals(5, r.err().lines().count(), r::toString);
        assertEquals(List.of(40L, 60L, 60L, 60L), slept.stream().map(Duration::toSeconds).toList());
    }

    @Test
    void ndjsonPrintsOnlyTraceObjects() throws Exception {
        rounds("traces_limit5_page2.json", "traces_list.json");
        CliRun.Result r = watch("list", "--watch", "3", "--ndjson", "--watch-rounds", "2");
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(20, lines.size(), r.out());
        for (String l : lines) {
            assertTrue(JSON.readTree(l).get("trace_id").asText().matches("[0-9a-f]{32}"), l);
        }
    }

    @Test
    void stopsWhenStdoutsReaderIsGone() {
        rounds("traces_limit5_page2.json", "traces_list.json", "traces_list.json");
        OutputStream closedPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        // as Main builds stdout: a PrintWriter over a PrintStream, which keeps the IOException to itself
        PrintWriter out = new PrintWriter(new java.io.PrintStream(closedPipe, true), true);
        CliRun.Result r = CliRun.run(context(), out, "list", "--watch", "2", "--watch-rounds", "3");
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces")));
        assertEquals(List.of(), slept);
    }

    @Test
    void aWatchUnderTwoSecondsOrWithJsonIsAUsageError() {
        for (String n : List.of("1", "0", "-5")) {
            CliRun.Result r = cli("list", "--watch", n);
            assertFails(ExitCodes.USAGE, r);
            assertTrue(r.err().contains("--watch must be 2 seconds or more"), r::toString);
        }
        assertFails(ExitCodes.USAGE, cli("list", "--watch", "5", "--json"));
        assertFails(ExitCodes.USAGE, cli("list", "--watch", "soon"));
        server.verify(0, getRequestedFor(urlPathEqualTo("/traces")));
    }
}
