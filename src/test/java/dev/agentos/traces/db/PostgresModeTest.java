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
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.DatabaseOptions;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.mcp.ToolCalls;
import dev.agentos.traces.testsupport.AgnoDb;
import dev.agentos.traces.testsupport.LocalPostgres;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Database mode on a real PostgreSQL holding agno's tables (db/postgres-schema.sql) and the rows agno
 * 2.9.0 wrote there (db/postgres-sample.json), read as the read-only role README tells users to create.
 */
class PostgresModeTest {

    /** The role README's "Database mode" section gives, verbatim in substance. */
    static final List<String> READ_ONLY_ROLE = List.of(
            "CREATE ROLE agentos_reader LOGIN PASSWORD 'reader-pw'",
            "GRANT CONNECT ON DATABASE agno TO agentos_reader",
            "GRANT USAGE ON SCHEMA ai TO agentos_reader",
            "GRANT SELECT ON ai.agno_traces, ai.agno_spans, ai.agno_schema_versions TO agentos_reader");

    static LocalPostgres pg;
    static ConnectionOptions options;

    @BeforeAll
    static void start() throws Exception {
        pg = LocalPostgres.start();
        try (Connection c = pg.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE agno");
        }
        try (Connection c = pg.superuser("agno"); Statement s = c.createStatement()) {
            AgnoDb.postgres(c, AgnoDb.sample("postgres-sample.json"));
            for (String sql : READ_ONLY_ROLE) {
                s.execute(sql);
            }
        }
        options = opts("agentos_reader", "reader-pw", "");
    }

    static ConnectionOptions opts(String user, String password, String query) {
        return ConnectionOptions.resolve("http://127.0.0.1:9", null, null, null, null, Map.of())
                .withDatabase(DatabaseOptions.resolve("postgresql://" + user + "@127.0.0.1:" + pg.port + "/agno" + query,
                        null, password == null ? Map.of() : Map.of("PGPASSWORD", password)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void eachTraceIsWhatTheApiAnswersForItFieldByField() {
        WireMockServer server = Stubs.open();
        try {
            AgentOsClient api = Stubs.client(server);
            List<TraceDetail> fromDb = DatabaseEquivalence.scanAll(options);
            List<JsonNode> details = AgnoDb.apiDetails("postgres");
            assertEquals(details.size(), fromDb.size());
            for (int i = 0; i < details.size(); i++) {
                String id = details.get(i).get("trace_id").asText();
                server.stubFor(get(urlPathEqualTo("/traces/" + id)).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(details.get(i).toString())));
                assertEquals(DatabaseEquivalence.fields(api.getTrace(id, null)), DatabaseEquivalence.fields(fromDb.get(i)), id);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void everyScanBasedToolAnswersAsTheApiDoes() {
        assertEquals(DatabaseEquivalence.SCANS.size(), DatabaseEquivalence.assertSameAnswers("postgres", options));
    }

    @Test
    void theFailedToolInsideAWorkflowIsFound() {
        CallToolResult r = ToolCalls.call("find_errors", AgentOsClient.create(options), Map.of());
        assertTrue(ToolCalls.text(r).contains("lookup_inventory"), ToolCalls.text(r));
    }

    @Test
    void theSessionIsReadOnlyEvenForARoleThatMayWrite() throws SQLException {
        // the superuser may write; the connection database mode opens may not
        TraceDatabase db = TraceDatabase.of(opts("postgres", LocalPostgres.SUPERUSER_PASSWORD, ""));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM ai.agno_spans"));
            assertEquals("25006", e.getSQLState(), e.getMessage()); // read_only_sql_transaction
        }
    }

    @Test
    void aQueryThatWaitsLongerThanTheTimeoutEndsWithOneSentence() throws Exception {
        ConnectionOptions quick = ConnectionOptions.resolve("http://127.0.0.1:9", null, null, Duration.ofSeconds(1), null,
                Map.of()).withDatabase(options.database());
        TraceDatabase.check(quick); // the schema is checked before the lock is taken
        try (Connection locker = pg.superuser("agno"); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("LOCK TABLE ai.agno_traces IN ACCESS EXCLUSIVE MODE");
            long t0 = System.nanoTime();
            CallToolResult r = ToolCalls.call("find_errors", AgentOsClient.create(quick), Map.of());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            locker.rollback();
            assertTrue(Boolean.TRUE.equals(r.isError()), ToolCalls.text(r));
            assertTrue(ToolCalls.text(r).contains("did not answer within 1000 ms"), ToolCalls.text(r));
            assertTrue(ms < 15_000, "bounded by the timeout: " + ms + " ms");
        }
    }

    @Test
    void aWrongPasswordAMissingSchemaAndAMissingGrantEachGetOneSentence() throws Exception {
        AgentOsException e = assertThrows(AgentOsException.Database.class,
                () -> TraceDatabase.check(opts("agentos_reader", "wrong-pw", "")));
        assertTrue(e.getMessage().contains("refused the login") && e.getMessage().contains("PGPASSWORD"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-pw"));

        e = assertThrows(AgentOsException.Database.class,
                () -> TraceDatabase.check(opts("agentos_reader", "reader-pw", "?schema=agno")));
        assertTrue(e.getMessage().contains("has no schema agno"), e.getMessage());

        try (Connection c = pg.superuser("agno"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE no_grants LOGIN PASSWORD 'x-pw'");
            s.execute("GRANT USAGE ON SCHEMA ai TO no_grants");
        }
        CallToolResult r = ToolCalls.call("find_errors", AgentOsClient.create(opts("no_grants", "x-pw", "")), Map.of());
        assertTrue(Boolean.TRUE.equals(r.isError()));
        assertFalse(ToolCalls.text(r).contains("\n"), ToolCalls.text(r));
    }
}
