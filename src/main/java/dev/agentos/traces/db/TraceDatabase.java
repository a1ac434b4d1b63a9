package dev.agentos.traces.db;

import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.DatabaseOptions;
import dev.agentos.traces.query.TraceSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AgentOS's own trace tables ({@code agno_traces}, {@code agno_spans}), opened read-only: SQLite in
 * read-only mode, PostgreSQL with {@code default_transaction_read_only}. Each scan opens one connection
 * and closes it; every statement is bounded by the request timeout. The schema is checked once, at the
 * first connection: a database that is not agno's is refused with one sentence.
 */
public final class TraceDatabase {

    static final List<String> TRACE_COLUMNS = List.of("trace_id", "name", "status", "start_time", "end_time",
            "duration_ms", "run_id", "session_id", "user_id", "agent_id", "team_id", "workflow_id", "created_at");
    static final List<String> SPAN_COLUMNS = List.of("span_id", "trace_id", "parent_span_id", "name", "span_kind",
            "status_code", "status_message", "start_time", "end_time", "duration_ms", "attributes", "created_at");

    private record Key(DatabaseOptions db, Duration connectTimeout, Duration queryTimeout) {
    }

    private static final Map<Key, TraceDatabase> OPEN = new ConcurrentHashMap<>();

    private final DatabaseOptions db;
    private final Duration connectTimeout;
    private final Duration queryTimeout;
    private volatile Boolean tables; // null: not checked yet; false: agno has written no trace yet

    TraceDatabase(DatabaseOptions db, Duration connectTimeout, Duration queryTimeout) {
        this.db = db;
        this.connectTimeout = connectTimeout;
        this.queryTimeout = queryTimeout;
    }

    /** The database of these options (one per database, timeouts and process: its schema is checked once). */
    public static TraceDatabase of(ConnectionOptions o) {
        return OPEN.computeIfAbsent(new Key(o.database(), o.connectTimeout(), o.requestTimeout()),
                k -> new TraceDatabase(k.db(), k.connectTimeout(), k.queryTimeout()));
    }

    /** Opens the database once and checks its schema; throws {@link AgentOsException.Database} with the reason. */
    public static void check(ConnectionOptions o) {
        TraceDatabase d = of(o);
        try (Connection c = d.connect()) {
            d.tablesPresent(c);
        } catch (SQLException e) {
            throw d.failure(e);
        }
    }

    public DatabaseOptions options() {
        return db;
    }

    public TraceSource source() {
        return new DatabaseTraceSource(this);
    }

    boolean postgres() {
        return db.kind() == DatabaseOptions.Kind.POSTGRESQL;
    }

    /** A table name as queries write it. */
    String table(String name) {
        return postgres() ? db.schema() + "." + name : name;
    }

    int timeoutSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (queryTimeout.toMillis() + 999) / 1000));
    }

    Connection connect() {
        try {
            Connection c;
            if (db.kind() == DatabaseOptions.Kind.SQLITE) {
                if (!Files.isRegularFile(db.sqliteFile())) {
                    throw new AgentOsException.Database("There is no SQLite file at " + db.sqliteFile()
                            + "; give the agno.db that AgentOS writes, as --database-url sqlite:/path/to/agno.db.");
                }
                Properties p = new Properties();
                p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: nothing here can write
                p.setProperty("busy_timeout", Long.toString(queryTimeout.toMillis()));
                c = DriverManager.getConnection("jdbc:sqlite:" + db.sqliteFile().toAbsolutePath(), p);
            } else {
                Properties p = new Properties();
                p.setProperty("user", db.user() == null ? "" : db.user());
                if (db.password() != null) {
                    p.setProperty("password", db.password());
                }
                long connectSeconds = Math.max(1, (connectTimeout.toMillis() + 999) / 1000);
                p.setProperty("connectTimeout", Long.toString(connectSeconds));
                p.setProperty("loginTimeout", Long.toString(connectSeconds));
                p.setProperty("socketTimeout", Long.toString(timeoutSeconds() + 10L));
                p.setProperty("readOnly", "true");
                p.setProperty("ApplicationName", "agentos-traces-mcp");
                p.setProperty("options", "-c default_transaction_read_only=on -c statement_timeout="
                        + queryTimeout.toMillis());
                c = DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database(), p);
            }
            return c;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setQueryTimeout(timeoutSeconds());
        s.setFetchSize(1000);
        return s;
    }

    /** Whether agno has created its trace tables yet (it does at the first span); refuses anything else. */
    boolean tablesPresent(Connection c) throws SQLException {
        Boolean t = tables;
        if (t == null) {
            t = checkSchema(c);
            tables = t;
        }
        return t;
    }

    private boolean checkSchema(Connection c) throws SQLException {
        Set<String> present = new HashSet<>();
        if (postgres()) {
            try (PreparedStatement s = prepare(c, "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
                s.setString(1, db.schema());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new AgentOsException.Database(db.describe() + " has no schema " + db.schema()
                                + "; give the db_schema AgentOS uses as ?schema=NAME in --database-url (agno's default is ai).");
                    }
                }
            }
            try (PreparedStatement s = prepare(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
                s.setString(1, db.schema());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        present.add(r.getString(1));
                    }
                }
            }
        } else {
            try (PreparedStatement s = prepare(c, "SELECT name FROM sqlite_master WHERE type = 'table'");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    present.add(r.getString(1));
                }
            }
        }
        boolean traces = present.contains("agno_traces") && present.contains("agno_spans");
        if (!traces && !present.contains("agno_schema_versions")) {
            throw new AgentOsException.Database(db.describe() + " has no agno tables (agno_traces, agno_spans, "
                    + "agno_schema_versions); point --database-url at the database AgentOS writes its traces to.");
        }
        if (!traces) {
            return false; // agno creates them at the first traced run: until then there are no traces
        }
        requireColumns(c, "agno_traces", TRACE_COLUMNS);
        requireColumns(c, "agno_spans", SPAN_COLUMNS);
        if (present.contains("agno_schema_versions")) {
            try (PreparedStatement s = prepare(c, "SELECT table_name, version FROM " + table("agno_schema_versions")
                    + " WHERE table_name IN ('agno_traces', 'agno_spans')"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String v = r.getString(2);
                    if (v != null && !v.startsWith("2.")) {
                        throw new AgentOsException.Database(db.describe() + " says " + r.getString(1) + " has schema version "
                                + v + "; this tool reads agno's 2.x trace tables, so it refuses to guess.");
                    }
                }
            }
        }
        return true;
    }

    private void requireColumns(Connection c, String tableName, List<String> expected) throws SQLException {
        Set<String> cols = new HashSet<>();
        String sql = postgres()
                ? "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                : "SELECT name FROM pragma_table_info(?)";
        try (PreparedStatement s = prepare(c, sql)) {
            if (postgres()) {
                s.setString(1, db.schema());
                s.setString(2, tableName);
            } else {
                s.setString(1, tableName);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    cols.add(r.getString(1));
                }
            }
        }
        for (String col : expected) {
            if (!cols.contains(col)) {
                throw new AgentOsException.Database(db.describe() + ": table " + tableName + " has no column " + col
                        + ", so it is not the agno 2.x trace table this tool reads.");
            }
        }
    }

    /** One sentence for a failed database call; never the password. */
    AgentOsException failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        if (msg.length() > 200) {
            msg = msg.substring(0, 200) + "…";
        }
        if (e instanceof SQLTimeoutException || state.equals("57014") || msg.contains("interrupted")) {
            return new AgentOsException.Database("The database (" + db.describe() + ") did not answer within "
                    + queryTimeout.toMillis() + " ms; narrow the filter or raise --timeout.");
        }
        if (state.startsWith("08")) {
            return new AgentOsException.Database("Cannot connect to " + db.describe() + " (" + msg
                    + "). Is it running, and is --database-url right?");
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new AgentOsException.Database(db.describe() + " refused the login (" + msg
                    + "). Set the password in PGPASSWORD or --database-password-file.");
        }
        if (state.equals("42501")) {
            return new AgentOsException.Database(db.describe() + " refused to read the trace tables (" + msg
                    + "). Grant the role SELECT on them (see README, database mode).");
        }
        return new AgentOsException.Database("Reading " + db.describe() + " failed: " + msg + ".");
    }
}
