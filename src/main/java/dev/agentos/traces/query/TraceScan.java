package dev.agentos.traces.query;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads every trace that matches a filter, with its full span tree, newest first, and hands each to a
 * consumer (which keeps what it needs and drops the trace: memory stays bounded by one page).
 *
 * <p>Prefers {@code POST /traces/search} (100 full traces per request). A server without it (404/405)
 * is read with {@code GET /traces} pages plus one {@code GET /traces/{id}} per trace, a bounded number at
 * a time. Stops at {@code limit} traces and says so.
 */
public final class TraceScan {

    public static final int DEFAULT_LIMIT = 10_000;
    public static final int MAX_LIMIT = 100_000;

    private TraceScan() {
    }

    /**
     * @param matching how many traces the server says match
     * @param read traces handed to the consumer
     * @param truncated the limit stopped the scan before every matching trace was read
     * @param windowStart the absolute start of the time window used (null: unbounded)
     * @param windowEnd its end (null: unbounded, i.e. up to {@code asOf})
     * @param asOf when the scan ran
     * @param database null when read through the HTTP API; else the database read directly ("SQLite",
     *     "PostgreSQL"), and {@code requests} counts its queries
     * @param notes what the walk over AgentOS's pages skipped or found odd (said in the answer)
     */
    public record Stats(long matching, int read, boolean truncated, int requests, boolean usedSearch,
            Instant windowStart, Instant windowEnd, Instant asOf, String database, ScanNotes notes) {

        public Stats {
            notes = notes == null ? ScanNotes.NONE : notes;
        }

        public Stats(long matching, int read, boolean truncated, int requests, boolean usedSearch,
                Instant windowStart, Instant windowEnd, Instant asOf, String database) {
            this(matching, read, truncated, requests, usedSearch, windowStart, windowEnd, asOf, database, ScanNotes.NONE);
        }

        public Stats(long matching, int read, boolean truncated, int requests, boolean usedSearch,
                Instant windowStart, Instant windowEnd, Instant asOf) {
            this(matching, read, truncated, requests, usedSearch, windowStart, windowEnd, asOf, null);
        }
    }

    public static Stats scan(AgentOsClient client, TraceFilter filter, int limit, Instant asOf, ScanControl control,
            Consumer<TraceDetail> sink) {
        return run(client, filter, searchFilter(filter), filter.dbId(), true, limit, asOf, control, sink);
    }

    /** A raw search expression: {@code POST /traces/search} only (an AgentOS without it is told so). */
    public static Stats scanExpression(AgentOsClient client, Object expression, String dbId, int limit, Instant asOf,
            ScanControl control, Consumer<TraceDetail> sink) {
        return run(client, TraceFilter.NONE.withDbId(dbId), expression, dbId, false, limit, asOf, control, sink);
    }

    private static Stats run(AgentOsClient client, TraceFilter filter, Object expr, String dbId, boolean canFallBack,
            int limit, Instant asOf, ScanControl control, Consumer<TraceDetail> sink) {
        int before = client.requestCount();
        int[] read = {0};
        Consumer<TraceDetail> counted = d -> {
            read[0]++;
            sink.accept(d);
        };
        boolean usedSearch = true;
        ScanPages walk = new ScanPages();
        try {
            viaSearch(client, expr, dbId, limit, control, counted, read, walk);
        } catch (AgentOsException.NotFound routeMissing) {
            if (read[0] > 0 || !canFallBack) {
                if (!canFallBack && read[0] == 0) {
                    throw new AgentOsException.NotFound("This AgentOS has no POST /traces/search (404), so filter "
                            + "expressions cannot be used; use the plain filters (agent_id, user_id, ...) instead.");
                }
                throw routeMissing;
            }
            usedSearch = false;
            walk = new ScanPages();
            viaList(client, filter, limit, control, counted, read, walk);
        }
        // stopped by the limit with more to read: AgentOS's count says how many match; else what was read is all
        boolean truncated = walk.cut() || !walk.ended() && read[0] >= limit;
        long matching = truncated ? Math.max(walk.total(), read[0] + 1L) : read[0];
        return new Stats(matching, read[0], truncated, client.requestCount() - before, usedSearch, filter.startTime(),
                filter.endTime(), asOf, null, walk.notes(truncated));
    }

    private static void viaSearch(AgentOsClient client, Object expr, String dbId, int max, ScanControl control,
            Consumer<TraceDetail> sink, int[] read, ScanPages walk) {
        int size = AgentOsClient.MAX_LIMIT;
        long offset = 0; // rows asked for so far; a multiple of every page size used (each divides the last)
        while (read[0] < max) {
            control.check();
            Page<TraceDetail> p;
            try {
                p = client.searchRuns(expr, (int) (offset / size) + 1, size, dbId, true);
            } catch (AgentOsException.TooLarge | OutOfMemoryError tooLarge) {
                if (size == 1) {
                    throw tooLarge instanceof AgentOsException.TooLarge t ? t : tooLarge(tooLarge);
                }
                size = smallerPage(size); // large traces: ask for fewer at a time, from the same row
                continue;
            }
            for (TraceDetail d : walk.fresh(p, TraceDetail::summary, size)) {
                if (read[0] < max) {
                    sink.accept(d);
                } else {
                    walk.cutShort();
                }
            }
            offset += size;
            control.progress(read[0], Math.min(max, Math.max(walk.total(), read[0])));
            if (walk.ended()) {
                break;
            }
        }
    }

    /** 100 → 50 → 25 → 5 → 1: each divides the one before, so the rows already read stay whole pages. */
    static int smallerPage(int size) {
        return size > 50 ? 50 : size > 25 ? 25 : size > 5 ? 5 : 1;
    }

    private static AgentOsException.TooLarge tooLarge(Throwable oom) {
        return new AgentOsException.TooLarge("Even one trace at a time does not fit in memory ("
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB heap); raise -Xmx (JAVA_OPTS) or narrow the filter.");
    }

    /**
     * One GET per trace, {@code concurrency} at a time, handed on in list order (newest first). At most
     * a few times {@code concurrency} traces wait in memory.
     */
    private static void viaList(AgentOsClient client, TraceFilter filter, int max, ScanControl control,
            Consumer<TraceDetail> sink, int[] read, ScanPages walk) {
        int threads = client.options().concurrency();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "agentos-fetch");
            t.setDaemon(true);
            return t;
        });
        try {
            int submitted = 0;
            Deque<Future<TraceDetail>> pending = new ArrayDeque<>();
            // list pages are read while the traces of earlier pages are fetched
            for (int page = 1; submitted < max; page++) {
                control.check();
                Page<TraceSummary> p = client.listTraces(filter, page, AgentOsClient.MAX_LIMIT, true);
                for (TraceSummary s : walk.fresh(p, t -> t, AgentOsClient.MAX_LIMIT)) {
                    if (submitted >= max) {
                        walk.cutShort();
                        break;
                    }
                    pending.add(pool.submit(() -> readable(client, s.traceId(), filter.dbId(), walk)));
                    submitted++;
                    while (pending.size() > threads * 4) {
                        control.check();
                        accept(await(pending.poll()), sink);
                        if (read[0] % 50 == 0) {
                            control.progress(read[0], Math.min(max, walk.total()));
                        }
                    }
                }
                if (walk.ended()) {
                    break;
                }
            }
            while (!pending.isEmpty()) {
                control.check();
                accept(await(pending.poll()), sink);
                if (read[0] % 50 == 0 || pending.isEmpty()) {
                    control.progress(read[0], Math.min(max, Math.max(walk.total(), read[0])));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One trace; null when it cannot be read (then it is counted and named in the answer instead). */
    private static TraceDetail readable(AgentOsClient client, String traceId, String dbId, ScanPages walk) {
        try {
            return client.getTrace(traceId, dbId);
        } catch (AgentOsException.TooLarge e) {
            throw e;
        } catch (AgentOsException.BadResponse e) {
            walk.unreadable(traceId, e.reason());
            return null;
        }
    }

    private static void accept(TraceDetail d, Consumer<TraceDetail> sink) {
        if (d != null) {
            sink.accept(d);
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // an AgentOsException: the first failure ends the scan with its own sentence
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanControl.Cancelled();
        }
    }

    /** The same filter as {@code GET /traces} would apply, as a search expression; null matches all. */
    public static Object searchFilter(TraceFilter f) {
        List<Map<String, Object>> conds = new ArrayList<>();
        eq(conds, "run_id", f.runId());
        eq(conds, "session_id", f.sessionId());
        eq(conds, "user_id", f.userId());
        eq(conds, "agent_id", f.agentId());
        eq(conds, "team_id", f.teamId());
        eq(conds, "workflow_id", f.workflowId());
        eq(conds, "status", f.status());
        if (f.startTime() != null) {
            conds.add(leaf("GTE", "start_time", f.startTime().toString()));
        }
        if (f.endTime() != null) {
            conds.add(leaf("LTE", "end_time", f.endTime().toString()));
        }
        if (conds.isEmpty()) {
            return null;
        }
        if (conds.size() == 1) {
            return conds.get(0);
        }
        Map<String, Object> and = new LinkedHashMap<>();
        and.put("op", "AND");
        and.put("conditions", conds);
        return and;
    }

    private static void eq(List<Map<String, Object>> conds, String key, String value) {
        if (value != null) {
            conds.add(leaf("EQ", key, value));
        }
    }

    private static Map<String, Object> leaf(String op, String key, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("key", key);
        m.put("value", value);
        return m;
    }
}
