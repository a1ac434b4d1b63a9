package dev.agentos.traces.db;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.DatabaseOptions;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.mcp.ToolCalls;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.query.TraceSource;
import dev.agentos.traces.testsupport.AgnoDb;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Database mode on a SQLite file holding the rows agno 2.9.0 wrote (db/sqlite-sample.json). */
class SqliteModeTest {

    @TempDir
    static Path dir;
    static Path file;
    static ConnectionOptions options;

    @BeforeAll
    static void load() throws SQLException {
        file = AgnoDb.sqlite(dir.resolve("agno.db"), AgnoDb.sample("sqlite-sample.json"));
        options = opts("sqlite:" + file);
    }

    static ConnectionOptions opts(String url) {
        return ConnectionOptions.resolve("http://127.0.0.1:9", null, null, null, null, Map.of())
                .withDatabase(DatabaseOptions.resolve(url, null, Map.of()));
    }

    @Test
    void eachTraceIsWhatTheApiAnswersForItFieldByField() {
        WireMockServer server = Stubs.open();
        try {
            AgentOsClient api = Stubs.client(server);
            List<TraceDetail> fromDb = DatabaseEquivalence.scanAll(options);
            List<JsonNode> details = AgnoDb.apiDetails("sqlite");
            assertEquals(details.size(), fromDb.size());
            for (int i = 0; i < details.size(); i++) {
                String id = details.get(i).get("trace_id").asText();
                server.stubFor(get(urlPathEqualTo("/traces/" + id)).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(details.get(i).toString())));
                TraceDetail viaApi = api.getTrace(id, null);
                assertEquals(id, fromDb.get(i).traceId(), "newest first, as the API lists them");
                assertEquals(DatabaseEquivalence.fields(viaApi), DatabaseEquivalence.fields(fromDb.get(i)), id);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void theRealStoredRealDurationLeaksAsTheApiPrintsIt() {
        TraceDetail modelError = DatabaseEquivalence.scanAll(options).stream()
                .filter(d -> d.traceId().equals(AgnoDb.sample("sqlite-sample.json").get("traces").get(2).get("trace_id").asText()))
                .findFirst().orElseThrow();
        assertEquals("92.01318025588989ms", modelError.summary().durationText());
    }

    @Test
    void everyScanBasedToolAnswersAsTheApiDoes() {
        assertEquals(DatabaseEquivalence.SCANS.size(), DatabaseEquivalence.assertSameAnswers("sqlite", options));
    }

    @Test
    void filtersAndTheLimitApplyInTheDatabase() {
        List<String> ids = new ArrayList<>();
        TraceScan.Stats s = TraceSource.of(AgentOsClient.create(options)).scan(
                TraceFilter.builder().teamId("support-team").build(), 10, Instant.now(),
                ScanControl.NONE, d -> ids.add(d.traceId()));
        assertEquals(List.of("6537563e6eea5b210fdf7c42c32d47f7"), ids);
        assertEquals(1, s.matching());
        assertEquals("SQLite", s.database());

        ids.clear();
        s = TraceSource.of(AgentOsClient.create(options)).scan(TraceFilter.NONE, 2, Instant.now(), ScanControl.NONE,
                d -> ids.add(d.traceId()));
        assertEquals(2, ids.size());
        assertEquals(3, s.matching());
        assertTrue(s.truncated());

        // agno compares times as text in its own isoformat: a window that starts after the team run leaves it out
        ids.clear();
        TraceSource.of(AgentOsClient.create(options)).scan(TraceFilter.builder().startTime(Instant.parse("2026-11-30T03:38:29.654419Z")).build(), 10, Instant.now(), ScanControl.NONE,
                d -> ids.add(d.traceId()));
        assertFalse(ids.contains("6537563e6eea5b210fdf7c42c32d47f7"), ids.toString());
    }

    @Test
    void tokensReadFromLlmSpansAloneEqualTheWholeTreesEvenWhereParentsAreMissing() throws Exception {
        Path copy = dir.resolve("orphans.db");
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            s.execute("DELETE FROM agno_spans WHERE span_id = 'e65c6e05f928324f'"); // the team member: its LLM calls are orphaned
            s.execute("DELETE FROM agno_spans WHERE span_id = '50eb9cd3f2319ae5'"); // the workflow's root: still running
            // a failure in the orphaned part: counted in error_count, in no tree
            s.execute("UPDATE agno_spans SET status_code = 'ERROR', status_message = 'boom 42' WHERE span_id = '1d66c0702db427dc'");
        }
        TraceSource source = TraceSource.of(AgentOsClient.create(opts("sqlite:" + copy)));
        List<String> fast = new ArrayList<>();
        source.scanTokens(TraceFilter.NONE, 10, Instant.now(), ScanControl.NONE, (summary, u) -> fast.add(usage(u)));
        List<String> whole = new ArrayList<>();
        source.scan(TraceFilter.NONE, 10, Instant.now(), ScanControl.NONE,
                d -> whole.add(usage(dev.agentos.traces.analysis.TokenUsage.of(d))));
        assertEquals(whole, fast);

        dev.agentos.traces.analysis.ErrorGroups viaSuspects = new dev.agentos.traces.analysis.ErrorGroups();
        source.scanForErrors(TraceFilter.NONE, 10, Instant.now(), ScanControl.NONE, viaSuspects::add);
        dev.agentos.traces.analysis.ErrorGroups viaTrees = new dev.agentos.traces.analysis.ErrorGroups();
        source.scan(TraceFilter.NONE, 10, Instant.now(), ScanControl.NONE, viaTrees::add);
        assertEquals(viaTrees.result(), viaSuspects.result());
        assertEquals(0, viaSuspects.result().failedSpans(), "the failed span hangs under a missing parent");
        assertEquals(1, viaSuspects.result().okButFailedTraces(), "yet error_count says 1");
        assertEquals(1, viaSuspects.result().silentLlmFailures());
        // the API shows the team run's orphaned member calls in no tree, yet counts them in the root's totals
        assertTrue(fast.contains("6537563e6eea5b210fdf7c42c32d47f7 in=827 out=40 calls=2 models={offline-leader="
                + "ModelTokens[model=offline-leader, inputTokens=827, outputTokens=40, calls=2]} root=885/64 matches=false"),
                fast.toString());
        // a trace without its root has an empty tree: no tokens at all
        assertTrue(fast.contains("92c18b7f3da94eaecdc2540ccc54a5f9 in=0 out=0 calls=0 models={} root=null/null matches=true"),
                fast.toString());
    }

    private static String usage(dev.agentos.traces.analysis.TokenUsage u) {
        return u.traceId() + " in=" + u.inputTokens() + " out=" + u.outputTokens() + " calls=" + u.calls().size()
                + " models=" + u.byModel() + " root=" + u.rootInputTokens() + "/" + u.rootOutputTokens()
                + " matches=" + u.matchesRootTotals();
    }

    @Test
    void aSpanWhoseAttributesAreNotJsonCountsAndTheScanGoesOn() throws Exception {
        Path copy = dir.resolve("malformed.db");
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            s.execute("UPDATE agno_spans SET attributes = '{\"openinference.span.kind\": \"LLM\", cut' "
                    + "WHERE span_id = '0bee5659af7d0a5b'"); // one of the team member's LLM calls (32 + 2 tokens)
        }
        AgentOsClient db = AgentOsClient.create(opts("sqlite:" + copy));
        for (String tool : List.of("total_tokens", "find_errors", "slow_spans")) {
            CallToolResult r = ToolCalls.call(tool, db, Map.of());
            assertFalse(Boolean.TRUE.equals(r.isError()), tool + ": " + ToolCalls.text(r));
        }
        Map<?, ?> tokens = (Map<?, ?>) ToolCalls.call("total_tokens", db, Map.of()).structuredContent();
        Map<?, ?> before = (Map<?, ?>) ToolCalls.call("total_tokens", AgentOsClient.create(options), Map.of()).structuredContent();
        assertEquals(((Number) before.get("input_tokens")).longValue() - 32, ((Number) tokens.get("input_tokens")).longValue());
        List<TraceDetail> traces = DatabaseEquivalence.scanAll(opts("sqlite:" + copy));
        TraceDetail team = traces.stream().filter(d -> d.traceId().equals("6537563e6eea5b210fdf7c42c32d47f7")).findFirst()
                .orElseThrow();
        assertEquals(8, team.summary().totalSpans());
        List<String> types = new ArrayList<>();
        team.forEachSpan(n -> types.add(n.id() + ":" + n.type()));
        assertTrue(types.contains("0bee5659af7d0a5b:UNKNOWN"), types.toString());
    }

    @Test
    void theConnectionCannotWrite() {
        TraceDatabase db = TraceDatabase.of(options);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM agno_spans"));
            assertTrue(e.getMessage().toLowerCase().contains("readonly"), e.getMessage());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFileThatIsNotAgnosIsRefusedWithOneSentence() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER)");
        }
        AgentOsException e = assertThrows(AgentOsException.Database.class, () -> TraceDatabase.check(opts("sqlite:" + other)));
        assertTrue(e.getMessage().contains("has no agno tables"), e.getMessage());

        Path wrong = dir.resolve("wrong.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + wrong); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE agno_traces (trace_id TEXT)");
            s.execute("CREATE TABLE agno_spans (span_id TEXT)");
        }
        e = assertThrows(AgentOsException.Database.class, () -> TraceDatabase.check(opts("sqlite:" + wrong)));
        assertTrue(e.getMessage().contains("has no column name"), e.getMessage());

        e = assertThrows(AgentOsException.Database.class, () -> TraceDatabase.check(opts("sqlite:" + dir.resolve("none.db"))));
        assertTrue(e.getMessage().startsWith("There is no SQLite file at"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("none.db")), "read-only: nothing is created");
    }

    @Test
    void beforeTheFirstTracedRunThereAreNoTraces() throws Exception {
        Path fresh = dir.resolve("fresh.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fresh); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE agno_schema_versions (table_name VARCHAR NOT NULL, version VARCHAR NOT NULL, "
                    + "created_at VARCHAR NOT NULL, updated_at VARCHAR, PRIMARY KEY (table_name))");
        }
        CallToolResult r = ToolCalls.call("total_tokens", AgentOsClient.create(opts("sqlite:" + fresh)), Map.of());
        assertFalse(Boolean.TRUE.equals(r.isError()), ToolCalls.text(r));
        assertEquals(0, ((Number) ((Map<?, ?>) r.structuredContent()).get("traces_read")).intValue());
    }

    @Test
    void urlsAndPasswords() {
        DatabaseOptions pg = DatabaseOptions.resolve("postgresql://reader@db.internal:5433/agno?schema=traces", null,
                Map.of("PGPASSWORD", "s3cret-pw"));
        assertEquals("reader", pg.user());
        assertEquals(5433, pg.port());
        assertEquals("traces", pg.schema());
        assertFalse(pg.toString().contains("s3cret-pw"), pg.toString());
        assertFalse(opts("sqlite:" + file).withDatabase(pg).toString().contains("s3cret-pw"));
        ArgumentException e = assertThrows(ArgumentException.class,
                () -> DatabaseOptions.resolve("postgresql://reader:pw@localhost/agno", null, Map.of()));
        assertTrue(e.getMessage().contains("never in the URL"), e.getMessage());
        assertEquals(Path.of("/data/agno.db"), DatabaseOptions.resolve("sqlite:///data/agno.db", null, Map.of()).sqliteFile());
        assertEquals(DatabaseOptions.Kind.POSTGRESQL,
                DatabaseOptions.resolve(null, null, Map.of(DatabaseOptions.ENV_URL, "postgresql+psycopg://u@h/agno")).kind());
        assertThrows(ArgumentException.class, () -> DatabaseOptions.resolve("mysql://u@h/agno", null, Map.of()));
    }
}
