package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agentos.traces.testsupport.RunStubs;
import dev.agentos.traces.testsupport.Stubs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agents, run, check and watch as a user runs them, against the captured runs/ fixtures; exit codes included. */
class RunLoopCommandsTest {

    static final String MATH_TRACE = "f2f1d87f097f6f058956aa8bd655df8c";
    static final String MATH_RUN = "139fc1f3-d293-40cd-88e7-0b6792ad8e03";
    static final String OPS_TRACE = "ab4b63ede4d9e5fba8c01f602ca74ce1";

    WireMockServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        server = Stubs.started();
        RunStubs.discoveryAndTraces(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    CliRun.Result cli(String... args) {
        return CliRun.at(server.baseUrl(), args);
    }

    CliRun.Result cli(Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("AGENTOS_URL", server.baseUrl());
        return CliRun.run(all, args);
    }

    @Test
    void agentsListsWhatAgentOsServes() {
        CliRun.Result r = cli("agents");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("teams (1):\n  support-team \"Support Team\" model=offline-leader"), r::toString);
        JsonNode j = CliTestBase.json(cli("agents", "--json").out());
        assertEquals("math-agent", j.get("agents").get(0).get("id").asText());
        assertEquals("add_numbers", j.get("agents").get(0).get("tools").get(0).asText());
    }

    @Test
    void checkPassesExitsZeroAndFailsExitsOne() {
        CliRun.Result pass = cli("check", "--trace-id", MATH_TRACE, "--no-failed-spans", "--max-tokens", "5000",
                "--max-duration", "30s", "--tool-called", "add_numbers(a=12, b=30)", "--model-used", "offline-sim-1",
                "--output-contains", "42", "--max-llm-calls", "2");
        assertEquals(0, pass.code(), pass::toString);
        assertTrue(pass.out().startsWith("PASSED: 7 rules on 1 trace\n"), pass::toString);
        CliRun.Result fail = cli("check", "--run-id", MATH_RUN, "--max-tokens", "100", "--tool-not-called", "add_numbers");
        assertEquals(1, fail.code(), fail::toString);
        assertTrue(fail.out().startsWith("FAILED: 2 rules on 1 trace, 2 of 2 results failed\n"), fail::toString);
        assertTrue(fail.out().contains("FAIL max_tokens 100 | " + MATH_TRACE + " | observed 103, limit <= 100"), fail::toString);
        assertTrue(fail.out().contains("FAIL tool_not_called add_numbers | " + MATH_TRACE + " | observed 1 call, limit 0 calls"),
                fail::toString);
        assertEquals("", fail.err(), fail::toString);
        CliRun.Result hostile = CliRun.onTerminal(Map.of("AGENTOS_URL", server.baseUrl()), "check", "--trace-id",
                MATH_TRACE, "--output-contains", "\u001b]0;owned\u0007");
        assertEquals(1, hostile.code(), hostile::toString);
        assertTrue(hostile.out().contains("contains \"\\x1b]0;owned\\x07\""), hostile::toString);
        assertFalse(hostile.out().contains("\u001b]"), "no escape sequence from the data reaches the terminal");
        assertTrue(hostile.out().contains("\u001b[31mFAIL "), "our own colour stays: " + hostile);
    }

    @Test
    void checkOverAFilterSumsTokensAndPrintsJson() {
        CliRun.Result r = cli("check", "--agent-id", "math-agent", "--max-tokens-sum", "200", "--json");
        assertEquals(1, r.code(), r::toString);
        JsonNode j = CliTestBase.json(r.out());
        assertEquals(4, j.get("traces").size(), r::toString);
        JsonNode sum = j.get("results").get(0);
        assertEquals("max_tokens_sum", sum.get("rule").asText());
        assertFalse(sum.has("trace_id"));
        assertEquals("208 over 4 traces", sum.get("observed").asText()); // 0 + 0 + 105 + 103: the crashed runs used none
    }

    @Test
    void checkWritesJUnitXmlThatTheJUnitSchemaAccepts() throws Exception {
        Path junit = dir.resolve("report.xml");
        CliRun.Result r = cli("check", "--latest", "ops-agent", "--no-failed-spans", "--output-contains", "stock <&> \"x\"",
                "--max-tokens", "5000", "--junit", junit.toString());
        assertEquals(1, r.code(), r::toString);
        String xml = Files.readString(junit);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/junit/JUnit.xsd"))
                .newValidator().validate(new StreamSource(junit.toFile()));
        assertTrue(xml.contains("tests=\"3\" failures=\"2\" errors=\"0\""), xml);
        assertTrue(xml.contains("<testcase name=\"no_failed_spans\" classname=\"trace " + OPS_TRACE + "\" time=\"0\">"), xml);
        assertTrue(xml.contains("<failure message=\"observed 1 failed, first: tool lookup_inventory"), xml);
        assertTrue(xml.contains("limit contains &quot;stock &lt;&amp;&gt; &quot;x&quot;&quot;"), xml);
    }

    @Test
    void everyRuleHasItsFlag() {
        CliRun.Result r = cli("check", "--trace-id", MATH_TRACE, "--no-failed-spans", "--expect-status", "OK",
                "--max-tokens", "103", "--max-input-tokens", "79", "--max-output-tokens", "24", "--max-tokens-sum", "103",
                "--max-input-tokens-sum", "79", "--max-output-tokens-sum", "24", "--max-duration", "1s",
                "--max-llm-calls", "2", "--tool-called", "add_numbers", "--tool-not-called", "lookup_inventory",
                "--model-used", "offline-sim-1", "--model-not-used", "gpt-4o", "--output-contains", "42",
                "--output-matches", "\\d+", "--max-cost", "0", "--json");
        JsonNode j = CliTestBase.json(r.out());
        assertEquals(dev.agentos.traces.analysis.TraceRules.Type.values().length, j.get("total").asInt(), r::toString);
        assertEquals(1, j.get("failed").asInt(), "only max_cost, which cannot price an offline model: " + r);
        assertEquals("max_cost", j.get("results").get(0).get("rule").asText());
    }

    @Test
    void rulesComeFromYamlOrJsonFilesAndBadOnesAreUsageErrors() throws Exception {
        Path yaml = dir.resolve("rules.yaml");
        Files.writeString(yaml, "no_failed_spans: true\nmax_tokens: 5000\ntool_called:\n  - add_numbers\nmax_duration: 2s\n");
        CliRun.Result r = cli("check", "--trace-id", MATH_TRACE, "--rules", yaml.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("PASSED: 4 rules on 1 trace"), r::toString);
        Path json = dir.resolve("rules.json");
        Files.writeString(json, "{\"max_llm_calls\": 1}");
        assertEquals(1, cli("check", "--trace-id", MATH_TRACE, "--rules", json.toString()).code());
        Files.writeString(json, "{\"max_tokens\": ");
        CliRun.Result bad = cli("check", "--trace-id", MATH_TRACE, "--rules", json.toString());
        CliTestBase.assertFails(2, bad);
        assertTrue(bad.err().contains("is not valid JSON"), bad::toString);
        Files.writeString(yaml, "max_tokenz: 5\n");
        bad = cli("check", "--trace-id", MATH_TRACE, "--rules", yaml.toString());
        CliTestBase.assertFails(2, bad);
        assertTrue(bad.err().startsWith("error: Unknown rule 'max_tokenz'; rules: no_failed_spans, status,"), bad::toString);
        CliTestBase.assertFails(2, cli("check", "--trace-id", MATH_TRACE));
        CliTestBase.assertFails(5, cli("check", "--latest", "nobody", "--no-failed-spans"));
        CliTestBase.assertFails(3, CliRun.at("http://127.0.0.1:1", "check", "--trace-id", MATH_TRACE, "--no-failed-spans"));
    }

    @Test
    void runIsOffUntilAllowedAndSaysHow() {
        CliRun.Result r = cli("run", "math-agent", "hi");
        CliTestBase.assertFails(2, r);
        assertTrue(r.err().contains("add --allow-runs or set AGENTOS_TRACES_ALLOW_RUNS=1"), r::toString);
        assertTrue(server.findAll(postRequestedFor(urlPathEqualTo("/agents/math-agent/runs"))).isEmpty());
    }

    @Test
    void runThenCheckInOneCommand() throws Exception {
        server.stubFor(RunStubs.run("agents", "math-agent", Map.of("message", "please add 7 and 8",
                "session_id", "cap-session-1", "user_id", "cap-user")).willReturn(RunStubs.sse("run_agent_stream.sse")));
        Path junit = dir.resolve("run.xml");
        CliRun.Result r = cli(Map.of("AGENTOS_TRACES_ALLOW_RUNS", "1"), "run", "math-agent", "please add 7 and 8",
                "--session-id", "cap-session-1", "--user-id", "cap-user", "--check", "--no-failed-spans",
                "--tool-called", "add_numbers(a=7,b=8)", "--max-tokens", "200", "--junit", junit.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("Ran agent math-agent: COMPLETED | run b29f72ef-28be-4398-bf3d-0e13b509c897"), r::toString);
        assertTrue(r.out().contains("\nPASSED: 3 rules on 1 trace"), r::toString);
        assertTrue(r.out().contains("Details: agentos-traces-mcp get ed3aa93799c124dd136699395ca4581e"), r::toString);
        assertTrue(Files.readString(junit).contains("tests=\"3\" failures=\"0\""));
        CliRun.Result strict = cli(Map.of("AGENTOS_TRACES_ALLOW_RUNS", "1"), "run", "math-agent", "please add 7 and 8",
                "--session-id", "cap-session-1", "--user-id", "cap-user", "--check", "--max-tokens", "100");
        assertEquals(1, strict.code(), strict::toString);
        assertTrue(strict.out().contains("FAIL max_tokens 100 | ed3aa93799c124dd136699395ca4581e | observed 105"), strict::toString);
        CliTestBase.assertFails(2, cli("run", "math-agent", "x", "--allow-runs", "--max-tokens", "5"));
    }

    @Test
    void anIdThatNamesAnAgentAndATeamIsRefusedWithTheChoices() {
        ObjectNode config = (ObjectNode) RunStubs.json("config.json");
        ((ObjectNode) config.get("teams").get(0)).put("id", "math-agent"); // a team that shares the agent's id
        server.stubFor(get(urlPathEqualTo("/config")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(config.toString())));
        CliRun.Result r = cli("run", "math-agent", "hi", "--allow-runs");
        CliTestBase.assertFails(2, r);
        assertEquals("error: 'math-agent' is an agent and a team; say which (agent_id, team_id or workflow_id).\n", r.err());
        assertTrue(server.findAll(postRequestedFor(urlPathEqualTo("/agents/math-agent/runs"))).isEmpty());
    }

    @Test
    void aRunWhoseModelFailsExitsOne() {
        server.stubFor(RunStubs.run("agents", "math-agent", Map.of("message", "crash now", "user_id", "cap-user"))
                .willReturn(RunStubs.sse("run_agent_model_error_stream.sse")));
        CliRun.Result r = cli("run", "math-agent", "crash now", "--user-id", "cap-user", "--allow-runs", "--json");
        assertEquals(1, r.code(), r::toString);
        JsonNode j = CliTestBase.json(r.out());
        assertEquals("ERROR", j.get("run").get("status").asText());
        assertEquals("model_provider_error", j.get("run").get("error_type").asText());
        assertEquals("74bda9e40dd9ceb8fbaede15750d09de", j.get("trace").get("trace_id").asText());
    }

    @Test
    void aRunAgentOsRefusesIsReportedWithItsExitCode() {
        server.stubFor(RunStubs.run("agents", "math-agent", Map.of("message", "hi"))
                .willReturn(RunStubs.json(401, "run_agent_no_auth_401.json")));
        CliRun.Result r = cli("run", "math-agent", "hi", "--allow-runs");
        CliTestBase.assertFails(4, r);
        CliTestBase.assertFails(5, cli("run", "no-such-agent", "hi", "--allow-runs"));
    }

    @Test
    void watchPrintsNewTracesChecksThemAndStopsCleanly() throws Exception {
        ObjectNode all = (ObjectNode) RunStubs.json("traces_after_runs.json");
        ObjectNode older = all.deepCopy();
        ArrayNode data = (ArrayNode) older.get("data");
        while (data.size() > 2) {
            data.remove(0); // only the two oldest runs have happened yet
        }
        server.stubFor(get(urlPathEqualTo("/traces")).atPriority(1).inScenario("w").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("idle").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(older.toString())));
        server.stubFor(get(urlPathEqualTo("/traces")).atPriority(1).inScenario("w").whenScenarioStateIs("idle")
                .willSetStateTo("news").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(older.toString())));
        server.stubFor(get(urlPathEqualTo("/traces")).atPriority(1).inScenario("w").whenScenarioStateIs("news")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(all.toString())));
        List<Duration> pauses = new ArrayList<>();
        Context ctx = new Context(new HashMap<>(Map.of("AGENTOS_URL", server.baseUrl())), CliRun.CLOCK, false, d -> {
            pauses.add(d);
            if (pauses.size() == 3) {
                throw new InterruptedException("Ctrl-C");
            }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"watch", "--interval", "2", "--no-failed-spans", "--json"}, ctx,
                new PrintWriter(out, true), new PrintWriter(err, true), true);
        assertEquals(0, code, err::toString);
        String o = out.toString();
        assertTrue(o.startsWith("watching for new traces every 2 s, checking 1 rule (2 earlier ones skipped); Ctrl-C stops\n"), o);
        List<String> lines = o.lines().skip(1).toList();
        assertEquals(6, lines.size(), o);
        assertTrue(lines.get(0).startsWith(OPS_TRACE) && lines.get(0).contains("FAIL no_failed_spans (observed 1 failed"), o);
        assertTrue(lines.get(5).startsWith("0112de00844d8d1a5644fee62bdb807d") && lines.get(5).endsWith("pass 1 rule"), o);
        assertFalse(o.contains(MATH_TRACE), "earlier traces are not repeated: " + o);
        List<String> violations = err.toString().lines().toList();
        assertEquals(1, violations.size(), err::toString);
        JsonNode v = CliTestBase.json(violations.get(0));
        assertEquals(OPS_TRACE, v.get("trace_id").asText());
        assertEquals("no_failed_spans", v.get("rule").asText());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2)), pauses,
                "2 s, longer while idle, back to 2 s after news");

        server.resetScenarios();
        CliRun.Result exit = CliRun.run(Map.of("AGENTOS_URL", server.baseUrl()), "watch", "--interval", "1",
                "--no-failed-spans", "--exit-on-failure");
        assertEquals(1, exit.code(), exit::toString);
        assertEquals(2, exit.out().lines().count(), "stops at the first trace that breaks a rule: " + exit);
        assertTrue(exit.out().lines().toList().get(1).startsWith(OPS_TRACE), exit::toString);
    }
}
