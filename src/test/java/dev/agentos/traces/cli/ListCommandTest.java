package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ListCommandTest extends CliTestBase {

    @Test
    void defaultListsTheFirstTwentyOfTwentyOneNewestFirst() {
        CliRun.Result r = ok("list");
        assertTrue(r.out().startsWith("Traces 1-20 of 21, page 1/2, newest first\n"), r.out());
        assertEquals(fixtureIds("traces_list.json"), listedIds(r.out()));
        assertTrue(r.out().endsWith("\nMore: --page 2\nDetails: agentos-traces-mcp get <id>\n"), r.out());
        // the failing-tool run says OK but its failed span is shown
        assertTrue(java.util.regex.Pattern.compile("(?m)^" + TOOL_ERROR_TRACE + "  OK, 1 failed span +203\\.65ms ").matcher(r.out())
                .find(), r.out());
        assertTrue(java.util.regex.Pattern.compile("\nTRACE_ID +STATUS +DURATION +SPANS +NAME").matcher(r.out()).find(),
                "a header row: " + r.out());
        assertTrue(r.out().contains("  \"fail on purpose: lookup nuts\""), r.out());
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces")));
    }

    @Test
    void limitAndPageAreSent() {
        CliRun.Result r = ok("list", "--limit", "5", "--page", "2");
        assertTrue(r.out().startsWith("Traces 6-10 of 21, page 2/5, newest first\n"), r.out());
        assertEquals(fixtureIds("traces_limit5_page2.json"), listedIds(r.out()));
        assertEquals(List.of("78fbff72e246d276dfc4f8a58fe89f89", TOOL_ERROR_TRACE, "8f29fd921a8dbbfdc3b19b0871115764",
                "adeaf270dc73dcf3839ce972cfb6779f", "e05cfa66139dd68a3d097e8f9a5174d5"), listedIds(r.out()));
        server.verify(getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("limit", equalTo("5"))
                .withQueryParam("page", equalTo("2")));
    }

    @Test
    void aPagePastTheEndSaysSo() {
        CliRun.Result r = ok("list", "--limit", "5", "--page", "99");
        assertEquals("No traces on page 99 (there are 5 pages).\n", r.out());
    }

    @ParameterizedTest
    @CsvSource({
        "--session-id, sess-gamma,   session_id, traces_filter_session.json",
        "--user-id,    bob,          user_id,    traces_filter_user.json",
        "--agent-id,   ops-agent,    agent_id,   traces_filter_agent.json",
        "--team-id,    support-team, team_id,    traces_filter_team.json",
        "--run-id,     5d4c5cec-293d-4ca2-b199-2395ffd38bdd, run_id, traces_filter_run_id.json",
    })
    void eachFilterFlagBecomesItsQueryParameter(String flag, String value, String param, String file) {
        CliRun.Result r = ok("list", flag, value);
        List<String> expected = fixtureIds(file);
        assertTrue(!expected.isEmpty());
        assertEquals(expected, listedIds(r.out()));
        long total = fixture(file).get("meta").get("total_count").asLong();
        assertTrue(r.out().startsWith("Traces 1-" + expected.size() + " of " + total + ", page 1/1, newest first\n"),
                r.out());
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces")).withQueryParam(param, equalTo(value)));
    }

    @Test
    void filterValuesMatchTheRows() {
        CliRun.Result r = ok("list", "--session-id", "sess-gamma");
        assertEquals(8, listedIds(r.out()).size());
        r.out().lines().filter(l -> l.matches("^[0-9a-f]{32} .*"))
                .forEach(l -> assertTrue(l.matches(".*  sess-gamma +bob  .*"), l));
        CliRun.Result team = ok("list", "--team-id", "support-team");
        assertEquals(List.of("adeaf270dc73dcf3839ce972cfb6779f", "9b6a6543cddbb1282ee26425449d7ffd"), listedIds(team.out()));
    }

    @Test
    void statusErrorMatchesNothingInTheFixtures() {
        CliRun.Result r = ok("list", "--status", "ERROR");
        assertEquals("No traces match.\n", r.out());
        server.verify(getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("status", equalTo("ERROR")));
    }

    @Test
    void statusIsSentUppercase() {
        CliRun.Result r = ok("list", "--status", "error");
        assertEquals("No traces match.\n", r.out());
        server.verify(getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("status", equalTo("ERROR")));
    }

    @Test
    void timeWindowIsSentAsIso() {
        CliRun.Result r = ok("list", "--since", "2026-11-23T23:42:20.387562Z", "--until", "2026-11-23T23:42:25.281183Z",
                "--limit", "3");
        assertEquals(fixtureIds("traces_filter_time_window.json"), listedIds(r.out()));
        server.verify(getRequestedFor(urlPathEqualTo("/traces"))
                .withQueryParam("start_time", equalTo("2026-11-23T23:42:20.387562Z"))
                .withQueryParam("end_time", equalTo("2026-11-23T23:42:25.281183Z")));
    }

    @Test
    void relativeTimesCountFromTheClock() {
        // CliRun's clock says 2026-11-24T00:00:00Z; no capture has these times, so only the request is checked
        cli("list", "--since", "12h", "--until", "30m");
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces"))
                .withQueryParam("start_time", equalTo("2026-11-23T12:00:00Z"))
                .withQueryParam("end_time", equalTo("2026-11-23T23:30:00Z")));
        cli("list", "--since", "yesterday");
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces"))
                .withQueryParam("start_time", equalTo("2026-11-23T00:00:00Z")));
    }

    /** Durations as end_time - start_time, computed here from the raw fixture. */
    private static List<JsonNode> allTraces() {
        List<JsonNode> all = new ArrayList<>();
        fixture("traces_limit100.json").get("data").forEach(all::add);
        assertEquals(21, all.size());
        return all;
    }

    private static Duration duration(JsonNode t) {
        return Duration.between(Instant.parse(t.get("start_time").asText()), Instant.parse(t.get("end_time").asText()));
    }

    private static Instant start(JsonNode t) {
        return Instant.parse(t.get("start_time").asText());
    }

    private static List<String> ids(List<JsonNode> traces) {
        List<String> ids = new ArrayList<>();
        traces.forEach(t -> ids.add(t.get("trace_id").asText()));
        return ids;
    }

    @Test
    void sortByDurationAscending() {
        List<JsonNode> all = allTraces();
        all.sort(Comparator.comparing(ListCommandTest::duration)
                .thenComparing(ListCommandTest::start, Comparator.reverseOrder()));
        List<String> expected = ids(all);
        CliRun.Result r = ok("list", "--sort-by", "duration", "--sort-order", "asc");
        assertTrue(r.out().startsWith("Traces 1-20 of 21, page 1/2, sorted by duration asc\n"), r.out());
        assertEquals(expected.subList(0, 20), listedIds(r.out()));
        // shortest first, longest (the team run 9b6a… at 289ms) last on page 1, the other team run on page 2
        assertEquals("2028c910d9acaee1a7af96d84538a3a5", expected.get(0));
        assertEquals("adeaf270dc73dcf3839ce972cfb6779f", expected.get(20));
        CliRun.Result page2 = ok("list", "--sort-by", "duration", "--sort-order", "asc", "--page", "2");
        assertEquals(List.of("adeaf270dc73dcf3839ce972cfb6779f"), listedIds(page2.out()));
        // the whole list is read once per command (one page of 100) and sorted here
        server.verify(2, getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("limit", equalTo("100")));
    }

    @Test
    void sortByDurationDescendingByDefault() {
        List<JsonNode> all = allTraces();
        all.sort(Comparator.comparing(ListCommandTest::duration).reversed()
                .thenComparing(ListCommandTest::start, Comparator.reverseOrder()));
        CliRun.Result r = ok("list", "--sort-by", "duration", "--limit", "3");
        assertEquals(ids(all).subList(0, 3), listedIds(r.out()));
        assertEquals(List.of("adeaf270dc73dcf3839ce972cfb6779f", "9b6a6543cddbb1282ee26425449d7ffd",
                "469f4c784c3af13a30c8322e6fe66073"), listedIds(r.out()));
    }

    @Test
    void sortByErrorCountAscendingBreaksTiesNewestFirst() {
        List<JsonNode> all = allTraces();
        all.sort(Comparator.comparingInt((JsonNode t) -> t.get("error_count").asInt())
                .thenComparing(ListCommandTest::start, Comparator.reverseOrder()));
        List<String> expected = ids(all);
        CliRun.Result r = ok("list", "--sort-by", "error_count", "--sort-order", "asc");
        assertTrue(r.out().startsWith("Traces 1-20 of 21, page 1/2, sorted by error_count asc\n"), r.out());
        assertEquals(expected.subList(0, 20), listedIds(r.out()));
        // 17 clean runs first, then the four with a failed tool, newest first; the oldest is on page 2
        List<String> failing = listedIds(r.out()).subList(17, 20);
        assertEquals(List.of(TOOL_ERROR_TRACE, "e05cfa66139dd68a3d097e8f9a5174d5", "550fbaa5f3fd40a599c3181161cf823f"),
                failing);
        CliRun.Result page2 = ok("list", "--sort-by", "error_count", "--sort-order", "asc", "--page", "2");
        assertEquals(List.of("887613ee35b588276d37328df7a485de"), listedIds(page2.out()));
    }

    @Test
    void sortByErrorCountDescendingPutsFailedRunsFirst() {
        CliRun.Result r = ok("list", "--sort-by", "error_count", "--limit", "4");
        assertEquals(List.of(TOOL_ERROR_TRACE, "e05cfa66139dd68a3d097e8f9a5174d5", "550fbaa5f3fd40a599c3181161cf823f",
                "887613ee35b588276d37328df7a485de"), listedIds(r.out()));
    }

    @Test
    void jsonIsValidWithTheServersCount() {
        CliRun.Result r = ok("list", "--json");
        JsonNode j = json(r.out());
        assertEquals(21, j.get("total_count").asInt());
        assertEquals(2, j.get("total_pages").asInt());
        assertEquals(1, j.get("page").asInt());
        assertEquals(20, j.get("limit").asInt());
        assertTrue(j.get("has_next").asBoolean());
        assertEquals("start_time", j.get("sort_by").asText());
        assertEquals("desc", j.get("sort_order").asText());
        JsonNode traces = j.get("traces");
        assertEquals(20, traces.size());
        List<String> ids = new ArrayList<>();
        traces.forEach(t -> ids.add(t.get("trace_id").asText()));
        assertEquals(fixtureIds("traces_list.json"), ids);
        JsonNode failing = traces.get(6);
        assertEquals(TOOL_ERROR_TRACE, failing.get("trace_id").asText());
        assertEquals("OK", failing.get("status").asText());
        assertEquals(1, failing.get("error_count").asInt());
        assertEquals(4, failing.get("total_spans").asInt());
        assertEquals(TOOL_ERROR_RUN, failing.get("run_id").asText());
        assertEquals("ops-agent", failing.get("agent_id").asText());
        assertEquals(203.652, failing.get("duration_ms").asDouble(), 1e-9); // 23.647415 - 23.443763
    }

    @Test
    void jsonOfASortedList() {
        JsonNode j = json(ok("list", "--json", "--sort-by", "error_count", "--limit", "1").out());
        assertEquals(21, j.get("total_count").asInt());
        assertEquals(21, j.get("total_pages").asInt());
        assertEquals("error_count", j.get("sort_by").asText());
        assertEquals(21, j.get("scanned").asInt());
        assertEquals(TOOL_ERROR_TRACE, j.get("traces").get(0).get("trace_id").asText());
    }

    @Test
    void ndjsonPrintsOneTraceObjectPerLine() throws Exception {
        CliRun.Result r = cli("list", "--limit", "5", "--ndjson");
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertEquals("0809167314b7f072717716997a701ef0", first.get("trace_id").asText());
        assertEquals(4, first.get("total_spans").asInt());
        assertFails(ExitCodes.USAGE, cli("list", "--json", "--ndjson"));
    }

    @Test
    void columnsAlignAndColourOnlyWhenAskedFor() {
        CliRun.Result plain = ok("list", "--limit", "5");
        assertTrue(!plain.out().contains("\u001b["), "no colour when not a terminal");
        List<String> rows = plain.out().lines().filter(l -> l.matches("^[0-9a-f]{32}  .*")).toList();
        assertEquals(5, rows.size());
        int durationEnd = rows.get(0).indexOf("ms ") + 2;
        rows.forEach(l -> assertEquals(durationEnd, l.indexOf("ms ") + 2, "durations right-aligned: " + l));
        CliRun.Result coloured = CliRun.run(java.util.Map.of("AGENTOS_URL", server.baseUrl(), "AGENTOS_TRACES_COLOR", "always"),
                "list", "--limit", "5");
        assertTrue(coloured.out().contains("\u001b[32mOK"), coloured::toString);
        assertEquals(plain.out(), coloured.out().replaceAll("\u001b\\[[0-9;]*m", ""), "colour never moves a column");
        CliRun.Result noColor = CliRun.run(java.util.Map.of("AGENTOS_URL", server.baseUrl(), "NO_COLOR", "1"),
                "list", "--limit", "5");
        assertEquals(plain.out(), noColor.out());
    }
}
