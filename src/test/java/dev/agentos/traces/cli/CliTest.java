package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.testsupport.AgentOsStub;
import dev.agentos.traces.testsupport.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a person or a script uses it, against the real AgentOS bodies. */
class CliTest {

    static final ObjectMapper JSON = new ObjectMapper();
    WireMockServer server;
    Map<String, String> env;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        AgentOsStub.open(server);
        env = new HashMap<>(Map.of("AGENTOS_URL", server.baseUrl()));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context ctx = new Context(env, Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
        int code = Main.run(args, ctx, new PrintWriter(out), new PrintWriter(err), true);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listShowsTheNewestTracesAndWhereMoreAre() {
        Run r = run("list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Traces 1-20 of 21, page 1/2, newest first\n0809167314b7f072717716997a701ef0 | OK |"), r.out());
        assertTrue(r.out().contains("16a3d91143cd09bae7f87594b93c261c | OK, 1 failed span |"), r.out());
        assertTrue(r.out().contains("More: page=2"));
        assertEquals("", r.err());
        Run p2 = run("list", "--limit", "5", "--page", "2");
        assertTrue(p2.out().startsWith("Traces 6-10 of 21, page 2/5"), p2.out());
    }

    @Test
    void eachFilterFlagBecomesItsQueryParameter() {
        Map<String, String[]> flags = Map.of(
                "session_id", new String[] {"--session-id", "sess-gamma"},
                "user_id", new String[] {"--user-id", "bob"},
                "agent_id", new String[] {"--agent-id", "ops-agent"},
                "team_id", new String[] {"--team-id", "support-team"},
                "status", new String[] {"--status", "ERROR"},
                "run_id", new String[] {"--run-id", "5d4c5cec-293d-4ca2-b199-2395ffd38bdd"});
        for (Map.Entry<String, String[]> f : flags.entrySet()) {
            Run r = run("list", f.getValue()[0], f.getValue()[1]);
            assertEquals(0, r.code(), f.getKey() + ": " + r.err());
            server.verify(getRequestedFor(urlPathEqualTo("/traces")).withQueryParam(f.getKey(), equalTo(f.getValue()[1])));
        }
        assertTrue(run("list", "--status", "ERROR").out().startsWith("No traces match."));
    }

    @Test
    void sortingHappensHereOverEveryMatchingTrace() throws Exception {
        Run r = run("list", "--sort-by", "error_count", "--limit", "4", "--json");
        assertEquals(0, r.code(), r.err());
        List<String> ids = List.of("16a3d91143cd09bae7f87594b93c261c", "e05cfa66139dd68a3d097e8f9a5174d5",
                "550fbaa5f3fd40a599c3181161cf823f", "887613ee35b588276d37328df7a485de");
        for (int i = 0; i < 4; i++) {
            assertEquals(ids.get(i), r.json().get("traces").get(i).get("trace_id").asText());
        }
        assertEquals(21, r.json().get("scanned").asInt());
        Run asc = run("list", "--sort-by", "duration", "--sort-order", "asc", "--json", "--limit", "21");
        double prev = 0;
        for (JsonNode t : asc.json().get("traces")) {
            assertTrue(t.get("duration_ms").asDouble() >= prev);
            prev = t.get("duration_ms").asDouble();
        }
    }

    @Test
    void getShowsTheTreeTheFailureAndTheTokens() {
        Run r = run("get", "16a3d91143cd09bae7f87594b93c261c");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("! status OK, but 1 span failed; first: tool lookup_inventory"), r.out());
        assertTrue(r.out().contains("  TOOL lookup_inventory 6.74ms ERROR [9b8c76d6e3668c78]\n"
                + "    error: Inventory service unavailable for item 'nuts' (simulated outage)"), r.out());
        assertTrue(r.out().contains("model=offline-sim-2 tokens=61+20"));
        assertTrue(r.out().contains("model=offline-sim-2 tokens=82+32"));
        Run byRun = run("get", "--run-id", "5d4c5cec-293d-4ca2-b199-2395ffd38bdd");
        assertEquals(r.out(), byRun.out(), "the same trace, found by its run");
        Run span = run("get", "16a3d91143cd09bae7f87594b93c261c", "--span-id", "9b8c76d6e3668c78");
        assertTrue(span.out().contains("error: Inventory service unavailable"), span.out());
        assertTrue(span.out().contains("parameters: {\"item\": \"nuts\"}"), span.out());
    }

    @Test
    void statsAndTokens() throws Exception {
        Run stats = run("stats");
        assertTrue(stats.out().contains("Totals over all 3 sessions: 21 traces"), stats.out());
        Run bob = run("stats", "--user-id", "bob", "--json");
        assertEquals("sess-gamma", bob.json().get("sessions").get(0).get("session_id").asText());
        assertEquals(2, run("stats", "--session-id", "x").code(), "stats cannot filter by session");

        Run one = run("tokens", "16a3d91143cd09bae7f87594b93c261c");
        assertTrue(one.out().contains("195 (143 in + 52 out) tokens, 2 LLM calls"), one.out());
        long in = 0;
        long out = 0;
        for (JsonNode t : JSON.readTree(Fixtures.body("search_all_runs_limit100.json")).get("data")) {
            in += t.get("tree").get(0).path("metadata").path("total_input_tokens").asLong();
            out += t.get("tree").get(0).path("metadata").path("total_output_tokens").asLong();
        }
        JsonNode all = run("tokens", "--json").json();
        assertEquals(in, all.get("input_tokens").asLong());
        assertEquals(out, all.get("output_tokens").asLong());
        assertEquals(22, all.get("traces_read").asInt());
        assertEquals(2, run("tokens", "16a3d91143cd09bae7f87594b93c261c", "--agent-id", "x").code());
    }

    @Test
    void viewTracesFlagsWorkAtTheTopLevel() {
        Run list = run("--limit", "5");
        assertTrue(list.out().startsWith("Traces 1-5 of 21, page 1/5"), list.out());
        Run trace = run("--trace-id", "16a3d91143cd09bae7f87594b93c261c");
        assertTrue(trace.out().startsWith("Trace 16a3d91143cd09bae7f87594b93c261c | Ops_Agent.arun"), trace.out());
        assertTrue(run("--stats").out().startsWith("Sessions 1-3 of 3"));
        env.remove("AGENTOS_URL");
        env.put("AGENTOS_URL", "http://127.0.0.1:9");
        assertEquals(0, run("--base-url", server.baseUrl(), "--limit", "5").code(), "--base-url wins over AGENTOS_URL");
        Run help = run("--help");
        assertEquals(0, help.code());
        for (String word : List.of("list", "get", "stats", "tokens", "serve", "--trace-id", "--stats", "Exit codes")) {
            assertTrue(help.out().contains(word), word);
        }
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("agentos-traces-mcp "), version.out());
    }

    @Test
    void exitCodesTellUsageAgentOsAndNotFoundApart() {
        for (String[] args : List.of(new String[] {"list", "--bogus"}, new String[] {"list", "--limit", "0"},
                new String[] {"list", "--limit", "101"}, new String[] {"list", "--since", "last week"},
                new String[] {"get", "a/b"}, new String[] {"list", "--status", "BOGUS"}, new String[] {"get"})) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.out());
        }
        Run missing = run("get", "00000000000000000000000000000000");
        assertEquals(5, missing.code());
        assertTrue(missing.err().startsWith("error: Trace 00000000000000000000000000000000 was not found"), missing.err());
        env.put("AGENTOS_URL", "http://127.0.0.1:9");
        Run down = run("list");
        assertEquals(3, down.code());
        assertEquals("", down.out());
        assertEquals("error: Cannot reach AgentOS at http://127.0.0.1:9 (connection refused). Is it running? Set the "
                + "address with --base-url or the AGENTOS_URL environment variable.\n", down.err());
    }

    @Test
    void keysFromTheEnvironmentOrAFileAndNeverPrinted(@TempDir Path dir) throws Exception {
        server.resetAll();
        AgentOsStub.secured(server);
        Run none = run("list", "--limit", "2");
        assertEquals(4, none.code(), none.err());
        assertTrue(none.err().contains("Set AGENTOS_SECURITY_KEY"), none.err());
        env.put("AGENTOS_SECURITY_KEY", AgentOsStub.KEY);
        Run ok = run("list", "--limit", "2");
        assertEquals(0, ok.code(), ok.err());
        env.remove("AGENTOS_SECURITY_KEY");
        Path file = Files.writeString(dir.resolve("key"), AgentOsStub.KEY + "\n");
        assertEquals(0, run("list", "--limit", "2", "--security-key-file", file.toString()).code());
        env.put("AGENTOS_SECURITY_KEY", "wrong"); // the wrong key the capture used
        Run wrong = run("list", "--limit", "2");
        assertEquals(4, wrong.code(), wrong.err());
        assertTrue(wrong.err().startsWith("error: AgentOS rejected the security key (401: Invalid authentication token)"));
        assertFalse(wrong.err().contains("Bearer"), wrong.err());
        for (Run r : List.of(none, ok, wrong, run("--help"), run("get", "00000000000000000000000000000000"))) {
            assertFalse((r.out() + r.err()).contains(AgentOsStub.KEY), "the key was printed");
        }
        assertEquals(2, run("list", "--security-key-file", dir.resolve("absent").toString()).code());
    }
}
