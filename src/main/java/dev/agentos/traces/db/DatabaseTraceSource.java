package dev.agentos.traces.db;

import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.query.TraceSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every trace matching a filter, newest first, read from agno's tables: one count, then batches of
 * {@value #BATCH} trace rows (keyset on start_time, trace_id) each followed by one query for their spans
 * (the attributes a scan needs, extracted by the database). Memory holds one batch. Unlike agno's
 * PostgreSQL reader, which loads at most 1,000 spans of a trace in no order, every span is read.
 */
final class DatabaseTraceSource implements TraceSource {

    static final int BATCH = 500;

    private final TraceDatabase db;

    DatabaseTraceSource(TraceDatabase db) {
        this.db = db;
    }

    @Override
    public TraceScan.Stats scan(TraceFilter filter, int limit, Instant asOf, ScanControl control,
            Consumer<TraceDetail> sink) {
        return batches(filter, limit, asOf, control, (c, traces) -> {
            Map<String, List<SpanRow>> spans = spans(c, traces);
            int[] queries = {1};
            for (TraceBuilder.TraceRow t : traces) {
                sink.accept(TraceBuilder.build(t, spans.getOrDefault(t.traceId(), List.of()), id -> {
                    queries[0]++;
                    return output(c, id);
                }));
            }
            return queries[0];
        });
    }

    /**
     * One query per batch finds the traces with a failed span or an LLM span without output (a silent model
     * failure, when it also reported no tokens); only those and the ERROR ones are built whole. The others
     * carry their trace row alone: nothing in them can fail.
     */
    @Override
    public TraceScan.Stats scanForErrors(TraceFilter filter, int limit, Instant asOf, ScanControl control,
            Consumer<TraceDetail> sink) {
        return batches(filter, limit, asOf, control, (c, traces) -> {
            Set<String> suspects = suspects(c, traces);
            traces.stream().filter(t -> "ERROR".equals(t.status())).forEach(t -> suspects.add(t.traceId()));
            int[] queries = {1};
            Map<String, List<SpanRow>> spans = Map.of();
            if (!suspects.isEmpty()) {
                spans = spans(c, traces.stream().filter(t -> suspects.contains(t.traceId())).toList());
                queries[0]++;
            }
            for (TraceBuilder.TraceRow t : traces) {
                if (!suspects.contains(t.traceId())) {
                    sink.accept(new TraceDetail(TraceBuilder.summary(t, 0, 0), null, null, List.of()));
                    continue;
                }
                sink.accept(TraceBuilder.build(t, spans.getOrDefault(t.traceId(), List.of()), id -> {
                    queries[0]++;
                    return output(c, id);
                }));
            }
            return queries[0];
        });
    }

    private Set<String> suspects(Connection c, List<TraceBuilder.TraceRow> traces) throws SQLException {
        String sql = db.postgres() ? """
                SELECT DISTINCT s.trace_id FROM %s.agno_spans s WHERE s.trace_id = ANY(?) AND (s.status_code = 'ERROR'
                  OR (s.attributes->>'openinference.span.kind' = 'LLM' AND s.attributes->>'output.value' IS NULL))"""
                .formatted(db.options().schema())
                : """
                SELECT DISTINCT trace_id FROM agno_spans WHERE trace_id IN (%s) AND (status_code = 'ERROR'
                  OR (json_extract(attributes, '$."openinference.span.kind"') = 'LLM'
                      AND coalesce(json_type(attributes, '$."output.value"'), 'null') = 'null'))"""
                .formatted(marks(traces.size()));
        var out = new AtomicReference<Set<String>>();
        query(c, sql, traces, collect(HashSet::new, out, (set, r) -> set.add(r.getString(1))));
        return out.get();
    }

    /**
     * Tokens from the LLM spans alone: one query for their model and counts, one for the traces that hold a
     * span whose parent is missing (the API leaves those out of the tree, so their tokens out of the sums);
     * only such traces are built whole. (A cycle of parents without a missing one would be counted here and
     * not by the API; span ids are random 64-bit numbers, so agno cannot write one.)
     */
    @Override
    public TraceScan.Stats scanTokens(TraceFilter filter, int limit, Instant asOf, ScanControl control,
            BiConsumer<TraceSummary, TokenUsage> sink) {
        return batches(filter, limit, asOf, control, (c, traces) -> {
            Map<String, List<Object[]>> llm = llmSpans(c, traces);
            Set<String> orphans = orphaned(c, traces);
            int queries = 2;
            Map<String, List<SpanRow>> whole = Map.of();
            if (!orphans.isEmpty()) {
                whole = spans(c, traces.stream().filter(t -> orphans.contains(t.traceId())).toList());
                queries++;
            }
            for (TraceBuilder.TraceRow t : traces) {
                if (orphans.contains(t.traceId())) {
                    TraceDetail d = TraceBuilder.build(t, whole.getOrDefault(t.traceId(), List.of()), id -> output(c, id));
                    sink.accept(d.summary(), TokenUsage.of(d));
                    continue;
                }
                List<TokenUsage.LlmCall> calls = new ArrayList<>();
                long rootIn = 0;
                long rootOut = 0;
                int refused = 0;
                for (Object[] r : llm.getOrDefault(t.traceId(), List.of())) {
                    Long in = TraceBuilder.tokens(r[3]);
                    Long out = TraceBuilder.tokens(r[4]);
                    refused += TraceBuilder.refused(r[3]) || TraceBuilder.refused(r[4]) ? 1 : 0;
                    calls.add(new TokenUsage.LlmCall((String) r[0], (String) r[1],
                            r[2] instanceof String m && !m.isEmpty() ? m : TokenUsage.UNKNOWN_MODEL,
                            in == null ? 0 : in, out == null ? 0 : out, Duration.ZERO, in != null || out != null));
                    rootIn += TraceBuilder.sumPart(r[3]);
                    rootOut += TraceBuilder.sumPart(r[4]);
                }
                sink.accept(TraceBuilder.summary(t, 0, 0), TokenUsage.of(t.traceId(), calls,
                        rootIn > 0 ? rootIn : null, rootOut > 0 ? rootOut : null, refused));
            }
            return queries;
        });
    }

    /** Reads one batch of trace rows; returns the queries it made. */
    private interface Batch {
        int read(Connection c, List<TraceBuilder.TraceRow> traces) throws SQLException;
    }

    private TraceScan.Stats batches(TraceFilter filter, int limit, Instant asOf, ScanControl control, Batch batch) {
        int queries = 0;
        int read = 0;
        long matching = 0;
        try (Connection c = db.connect()) {
            if (db.tablesPresent(c)) {
                Where w = where(filter);
                try (PreparedStatement s = db.prepare(c, "SELECT count(*) FROM " + db.table("agno_traces") + w.sql())) {
                    w.bind(s, 1);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        matching = r.getLong(1);
                    }
                }
                queries++;
                String lastStart = null;
                String lastId = null;
                while (read < limit && read < matching) {
                    control.check();
                    List<TraceBuilder.TraceRow> traces = traces(c, w, lastStart, lastId, Math.min(BATCH, limit - read));
                    queries++;
                    if (traces.isEmpty()) {
                        break;
                    }
                    queries += batch.read(c, traces);
                    read += traces.size();
                    TraceBuilder.TraceRow last = traces.get(traces.size() - 1);
                    lastStart = last.startText();
                    lastId = last.traceId();
                    control.progress(read, Math.min(limit, matching));
                }
            }
        } catch (SQLException e) {
            throw db.failure(e);
        }
        return new TraceScan.Stats(Math.max(matching, read), read, read < matching, Math.max(1, queries), false,
                filter.startTime(), filter.endTime(), asOf, db.options().label());
    }

    /** The filters of {@code GET /traces} / the search the API scan sends, on the same columns. */
    record Where(String sql, List<String> args) {
        void bind(PreparedStatement s, int from) throws SQLException {
            for (int i = 0; i < args.size(); i++) {
                s.setString(from + i, args.get(i));
            }
        }
    }

    static Where where(TraceFilter f) {
        List<String> conds = new ArrayList<>();
        List<String> args = new ArrayList<>();
        eq(conds, args, "run_id", f.runId());
        eq(conds, args, "session_id", f.sessionId());
        eq(conds, args, "user_id", f.userId());
        eq(conds, args, "agent_id", f.agentId());
        eq(conds, args, "team_id", f.teamId());
        eq(conds, args, "workflow_id", f.workflowId());
        eq(conds, args, "status", f.status());
        if (f.startTime() != null) {
            conds.add("start_time >= ?");
            args.add(DbText.isoformat(f.startTime()));
        }
        if (f.endTime() != null) {
            conds.add("end_time <= ?");
            args.add(DbText.isoformat(f.endTime()));
        }
        return new Where(conds.isEmpty() ? "" : " WHERE " + String.join(" AND ", conds), List.copyOf(args));
    }

    private static void eq(List<String> conds, List<String> args, String col, String v) {
        if (v != null) {
            conds.add(col + " = ?");
            args.add(v);
        }
    }

    private List<TraceBuilder.TraceRow> traces(Connection c, Where w, String lastStart, String lastId, int n)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", TraceDatabase.TRACE_COLUMNS))
                .append(" FROM ").append(db.table("agno_traces")).append(w.sql());
        if (lastStart != null) {
            // 'start_time <= ?' first: the index on start_time bounds the range and only ties are sorted
            // (written as one OR, SQLite sorted every remaining trace for each batch)
            sql.append(w.sql().isEmpty() ? " WHERE " : " AND ").append("start_time <= ? AND (start_time < ? OR trace_id < ?)");
        }
        sql.append(" ORDER BY start_time DESC, trace_id DESC LIMIT ").append(n);
        List<TraceBuilder.TraceRow> out = new ArrayList<>(n);
        try (PreparedStatement s = db.prepare(c, sql.toString())) {
            w.bind(s, 1);
            if (lastStart != null) {
                int i = w.args().size() + 1;
                s.setString(i, lastStart);
                s.setString(i + 1, lastStart);
                s.setString(i + 2, lastId);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new TraceBuilder.TraceRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), (Number) r.getObject(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getString(10), r.getString(11), r.getString(12), r.getString(13)));
                }
            }
        }
        return out;
    }

    private static final String LITE_SPANS = """
            SELECT span_id, trace_id, parent_span_id, name, status_code, status_message, start_time, end_time, duration_ms,
              json_extract(attributes, '$."openinference.span.kind"'),
              coalesce(nullif(json_extract(attributes, '$."agno.team.id"'), ''), nullif(json_extract(attributes, '$."team.id"'), '')) IS NOT NULL,
              json_extract(attributes, '$."llm.model_name"'),
              json_extract(attributes, '$."llm.token_count.prompt"'),
              json_extract(attributes, '$."llm.token_count.completion"'),
              json_extract(attributes, '$."tool.name"'),
              coalesce(json_type(attributes, '$."output.value"'), 'null') <> 'null',
              CASE WHEN parent_span_id IS NULL OR parent_span_id = '' THEN json_extract(attributes, '$."output.value"') END,
              CASE WHEN status_code = 'ERROR' OR parent_span_id IS NULL OR parent_span_id = ''
                THEN json_extract(attributes, '$."exception.message"') END
            FROM agno_spans WHERE trace_id IN (%s)""";

    /** jsonb_to_record reads each row's JSONB once (agno's LLM attributes hold whole prompts: each ->> detoasts again). */
    private static final String PG_SPANS = """
            SELECT s.span_id, s.trace_id, s.parent_span_id, s.name, s.status_code, s.status_message, s.start_time, s.end_time,
              s.duration_ms, a."openinference.span.kind",
              coalesce(nullif(a."agno.team.id", ''), nullif(a."team.id", '')) IS NOT NULL,
              a."llm.model_name", a."llm.token_count.prompt", a."llm.token_count.completion", a."tool.name",
              a."output.value" IS NOT NULL,
              CASE WHEN s.parent_span_id IS NULL OR s.parent_span_id = '' THEN a."output.value" END,
              CASE WHEN s.status_code = 'ERROR' OR s.parent_span_id IS NULL OR s.parent_span_id = ''
                THEN a."exception.message" END
            FROM %s.agno_spans s LEFT JOIN LATERAL jsonb_to_record(s.attributes) AS a("openinference.span.kind" text,
              "agno.team.id" text, "team.id" text, "llm.model_name" text, "llm.token_count.prompt" text,
              "llm.token_count.completion" text, "tool.name" text, "output.value" text, "exception.message" text) ON true
            WHERE s.trace_id = ANY(?)""";

    private Map<String, List<SpanRow>> spans(Connection c, List<TraceBuilder.TraceRow> traces) throws SQLException {
        String sql = db.postgres() ? PG_SPANS.formatted(db.options().schema()) : LITE_SPANS.formatted(marks(traces.size()));
        var out = new AtomicReference<Map<String, List<SpanRow>>>();
        query(c, sql, traces, collect(HashMap::new, out, (m, r) -> m.computeIfAbsent(r.getString(2),
                k -> new ArrayList<>()).add(new SpanRow(r.getString(1), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), DbText.instant(r.getString(7)), DbText.instant(r.getString(8)), r.getObject(9),
                        r.getString(10), r.getBoolean(11), r.getString(12), number(r.getObject(13)),
                        number(r.getObject(14)), r.getString(15), r.getBoolean(16), r.getString(17), r.getString(18)))));
        return out.get();
    }

    private Map<String, List<Object[]>> llmSpans(Connection c, List<TraceBuilder.TraceRow> traces) throws SQLException {
        String sql = db.postgres() ? """
                SELECT s.trace_id, s.span_id, s.name, a."llm.model_name", a."llm.token_count.prompt", a."llm.token_count.completion"
                FROM %s.agno_spans s CROSS JOIN LATERAL jsonb_to_record(s.attributes) AS a("openinference.span.kind" text,
                  "llm.model_name" text, "llm.token_count.prompt" text, "llm.token_count.completion" text)
                WHERE s.trace_id = ANY(?) AND a."openinference.span.kind" = 'LLM'""".formatted(db.options().schema())
                : """
                SELECT trace_id, span_id, name, json_extract(attributes, '$."llm.model_name"'),
                  json_extract(attributes, '$."llm.token_count.prompt"'), json_extract(attributes, '$."llm.token_count.completion"')
                FROM agno_spans WHERE trace_id IN (%s) AND json_extract(attributes, '$."openinference.span.kind"') = 'LLM'"""
                .formatted(marks(traces.size()));
        var out = new AtomicReference<Map<String, List<Object[]>>>();
        query(c, sql, traces, collect(HashMap::new, out, (m, r) -> m.computeIfAbsent(r.getString(1),
                k -> new ArrayList<>()).add(new Object[] {r.getString(2), r.getString(3), r.getObject(4),
                        number(r.getObject(5)), number(r.getObject(6))})));
        return out.get();
    }

    /** The traces holding a span whose parent is not among the trace's spans. */
    private Set<String> orphaned(Connection c, List<TraceBuilder.TraceRow> traces) throws SQLException {
        String spans = db.table("agno_spans");
        String sql = "SELECT DISTINCT s.trace_id FROM " + spans + " s WHERE s.trace_id "
                + (db.postgres() ? "= ANY(?)" : "IN (" + marks(traces.size()) + ")")
                + " AND s.parent_span_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + spans
                + " p WHERE p.span_id = s.parent_span_id AND p.trace_id = s.trace_id)";
        Set<String> out = new HashSet<>();
        try (PreparedStatement s = db.prepare(c, sql)) {
            bindIds(c, s, traces);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Runs a span query; on SQLite, a row whose attributes are not JSON fails the whole statement, so the batch
     * is read again with such attributes taken as absent (the span counts, with an unknown kind; agno's own
     * reader fails the whole trace). The check costs ~40 % of the JSON work, so only batches that need it pay.
     */
    private void query(Connection c, String sql, List<TraceBuilder.TraceRow> traces, RowReader rows) throws SQLException {
        try {
            run(c, sql, traces, rows);
        } catch (SQLException e) {
            if (db.postgres() || e.getMessage() == null || !e.getMessage().contains("malformed JSON")) {
                throw e;
            }
            rows.reset();
            run(c, sql.replace("(attributes,", "(CASE WHEN json_valid(attributes) THEN attributes END,"), traces, rows);
        }
    }

    private void run(Connection c, String sql, List<TraceBuilder.TraceRow> traces, RowReader rows) throws SQLException {
        try (PreparedStatement s = db.prepare(c, sql)) {
            bindIds(c, s, traces);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.read(r);
                }
            }
        }
    }

    /** Reads the rows of one span query (again from the start after {@link #reset()}). */
    private interface RowReader {
        void read(ResultSet r) throws SQLException;

        void reset();
    }

    /** A reader that collects into a fresh collection at each reset. */
    private static <C> RowReader collect(Supplier<C> fresh, AtomicReference<C> into,
            RowSink<C> sink) {
        into.set(fresh.get());
        return new RowReader() {
            @Override
            public void read(ResultSet r) throws SQLException {
                sink.read(into.get(), r);
            }

            @Override
            public void reset() {
                into.set(fresh.get());
            }
        };
    }

    private interface RowSink<C> {
        void read(C into, ResultSet r) throws SQLException;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private void bindIds(Connection c, PreparedStatement s, List<TraceBuilder.TraceRow> traces) throws SQLException {
        if (db.postgres()) {
            Array ids = c.createArrayOf("varchar", traces.stream().map(TraceBuilder.TraceRow::traceId).toArray());
            s.setArray(1, ids);
        } else {
            for (int i = 0; i < traces.size(); i++) {
                s.setString(i + 1, traces.get(i).traceId());
            }
        }
    }

    /** A token count as the API would hold it: PostgreSQL hands JSON numbers over as text. */
    static Object number(Object v) {
        if (v instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e2) {
                    return s;
                }
            }
        }
        return v;
    }

    private String output(Connection c, String spanId) {
        String sql = db.postgres()
                ? "SELECT attributes->>'output.value' FROM " + db.table("agno_spans") + " WHERE span_id = ?"
                : "SELECT CASE WHEN json_valid(attributes) THEN json_extract(attributes, '$.\"output.value\"') END "
                        + "FROM agno_spans WHERE span_id = ?";
        try (PreparedStatement s = db.prepare(c, sql)) {
            s.setString(1, spanId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw db.failure(e);
        }
    }
}
