package dev.agentos.traces.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Real agno databases for tests: the captured table definitions ({@code db/sqlite-schema.sql},
 * {@code db/postgres-schema.sql}) loaded with the captured rows ({@code db/*-sample.json}), unchanged.
 */
public final class AgnoDb {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TRACE_COLS = List.of("trace_id", "name", "status", "start_time", "end_time",
            "duration_ms", "run_id", "session_id", "user_id", "agent_id", "team_id", "workflow_id", "created_at");
    static final List<String> SPAN_COLS = List.of("span_id", "trace_id", "parent_span_id", "name", "span_kind",
            "status_code", "status_message", "start_time", "end_time", "duration_ms", "attributes", "created_at");

    private AgnoDb() {
    }

    public static JsonNode sample(String file) {
        try {
            return JSON.readTree(Fixtures.body("db/" + file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The statements of a captured schema file, comments and psql-only lines left out. */
    public static List<String> statements(String file) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : Fixtures.body("db/" + file).split("\n")) {
            if (line.startsWith("--") || line.isBlank()) {
                continue;
            }
            cur.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                out.add(cur.toString().strip().replaceAll(";$", ""));
                cur.setLength(0);
            }
        }
        return out;
    }

    /** An agno SQLite file holding the sample's rows. */
    public static Path sqlite(Path file, JsonNode... samples) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                for (String sql : statements("sqlite-schema.sql")) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO agno_schema_versions VALUES ('agno_traces', '2.5.6', '2026-11-30T03:38:00+00:00', NULL)");
                s.execute("INSERT INTO agno_schema_versions VALUES ('agno_spans', '2.5.6', '2026-11-30T03:38:00+00:00', NULL)");
            }
            for (JsonNode sample : samples) {
                insert(c, sample, "", "?");
            }
        }
        return file;
    }

    /** Creates agno's PostgreSQL tables in schema {@code ai} and loads the samples. */
    public static void postgres(Connection c, JsonNode... samples) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS ai");
            for (String sql : statements("postgres-schema.sql")) {
                s.execute(sql);
            }
            s.execute("INSERT INTO ai.agno_schema_versions VALUES ('agno_traces', '2.5.6', '2026-11-30T03:38:00+00:00', NULL)");
            s.execute("INSERT INTO ai.agno_schema_versions VALUES ('agno_spans', '2.5.6', '2026-11-30T03:38:00+00:00', NULL)");
        }
        for (JsonNode sample : samples) {
            insert(c, sample, "ai.", "?::jsonb");
        }
    }

    static void insert(Connection c, JsonNode sample, String schema, String jsonParam) throws SQLException {
        String tSql = "INSERT INTO " + schema + "agno_traces (" + String.join(", ", TRACE_COLS) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(TRACE_COLS.size(), "?")) + ")";
        List<String> ph = new ArrayList<>(java.util.Collections.nCopies(SPAN_COLS.size(), "?"));
        ph.set(SPAN_COLS.indexOf("attributes"), jsonParam);
        String sSql = "INSERT INTO " + schema + "agno_spans (" + String.join(", ", SPAN_COLS) + ") VALUES ("
                + String.join(", ", ph) + ")";
        for (JsonNode t : sample.get("traces")) {
            try (PreparedStatement p = c.prepareStatement(tSql)) {
                bind(p, t.get("agno_traces_row"), TRACE_COLS);
                p.executeUpdate();
            }
            for (JsonNode span : t.get("agno_spans_rows")) {
                try (PreparedStatement p = c.prepareStatement(sSql)) {
                    bind(p, span, SPAN_COLS);
                    p.executeUpdate();
                }
            }
        }
    }

    private static void bind(PreparedStatement p, JsonNode row, List<String> cols) throws SQLException {
        for (int i = 0; i < cols.size(); i++) {
            JsonNode v = row.get(cols.get(i));
            if (v == null || v.isNull()) {
                p.setObject(i + 1, null);
            } else if (v.isObject() || v.isArray()) {
                p.setString(i + 1, v.toString()); // attributes: JSON text in SQLite, jsonb in PostgreSQL
            } else if (v.isIntegralNumber()) {
                p.setLong(i + 1, v.longValue());
            } else if (v.isNumber()) {
                p.setDouble(i + 1, v.doubleValue());
            } else {
                p.setString(i + 1, v.asText());
            }
        }
    }

    /** The API's TraceDetail bodies for the sample traces ({@code sqlite} or {@code postgres}), newest first. */
    public static List<JsonNode> apiDetails(String backEnd) {
        List<JsonNode> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sample("api-for-samples.json").get(backEnd).fields(); it.hasNext();) {
            out.add(it.next().getValue().get("detail"));
        }
        out.sort((a, b) -> b.get("start_time").asText().compareTo(a.get("start_time").asText()));
        return out;
    }

    /** A {@code POST /traces/search} page holding these details, as AgentOS answers it. */
    public static String searchPage(List<JsonNode> details) {
        var page = JSON.createObjectNode();
        page.putArray("data").addAll(details);
        page.putObject("meta").put("page", 1).put("limit", 100).put("total_pages", 1).put("total_count", details.size());
        return page.toString();
    }
}
