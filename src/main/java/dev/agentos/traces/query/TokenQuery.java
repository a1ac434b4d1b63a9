package dev.agentos.traces.query;

import dev.agentos.traces.analysis.TokenTotals;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Token totals over every trace that matches a filter. Uses {@code POST /traces/search} (100 full
 * traces per request); a server without it (404/405) is read with {@code GET /traces} pages plus one
 * {@code GET /traces/{id}} per trace.
 */
public final class TokenQuery {

    public static final int DEFAULT_MAX_TRACES = 1000;
    public static final int MAX_MAX_TRACES = 10_000;

    private TokenQuery() {
    }

    /**
     * @param traces per-trace usage, newest first (every trace read)
     * @param matching how many traces the server says match
     * @param truncated {@code maxTraces} stopped the scan before all matching traces were read
     */
    public record Result(TokenTotals totals, List<TokenUsage> traces, long matching, boolean truncated,
            int requests, boolean usedSearch) {
    }

    public static Result overFilter(AgentOsClient client, TraceFilter filter, int maxTraces) {
        int before = client.requestCount();
        List<TokenUsage> usages = new ArrayList<>();
        long matching;
        boolean usedSearch = true;
        try {
            matching = viaSearch(client, filter, maxTraces, usages);
        } catch (AgentOsException.NotFound routeMissing) {
            if (!usages.isEmpty()) {
                throw routeMissing;
            }
            usedSearch = false;
            matching = viaList(client, filter, maxTraces, usages);
        }
        return new Result(TokenTotals.of(usages), List.copyOf(usages), matching, usages.size() < matching,
                client.requestCount() - before, usedSearch);
    }

    private static long viaSearch(AgentOsClient client, TraceFilter filter, int max, List<TokenUsage> out) {
        Object expr = searchFilter(filter);
        long total = 0;
        for (int page = 1; out.size() < max; page++) {
            Page<TraceDetail> p = client.searchRuns(expr, page, AgentOsClient.MAX_LIMIT, filter.dbId());
            total = Math.max(total, p.meta().totalCount());
            for (TraceDetail d : p.data()) {
                if (out.size() < max) {
                    out.add(TokenUsage.of(d)); // keep the sums, drop the (large) trace
                }
            }
            if (p.data().isEmpty() || !p.meta().hasNext()) {
                break;
            }
        }
        return Math.max(total, out.size());
    }

    /** One GET per trace, {@code concurrency} at a time, results kept in list order (newest first). */
    private static long viaList(AgentOsClient client, TraceFilter filter, int max, List<TokenUsage> out) {
        int threads = client.options().concurrency();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "agentos-fetch");
            t.setDaemon(true);
            return t;
        });
        try {
            long total = 0;
            List<Future<TokenUsage>> pending = new ArrayList<>();
            // list pages are read one after another while their traces are fetched; no page waits for another
            for (int page = 1; pending.size() < max; page++) {
                Page<TraceSummary> p = client.listTraces(filter, page, AgentOsClient.MAX_LIMIT);
                total = Math.max(total, p.meta().totalCount());
                for (TraceSummary s : p.data()) {
                    if (pending.size() < max) {
                        pending.add(pool.submit(() -> TokenUsage.of(client.getTrace(s.traceId(), filter.dbId()))));
                    }
                }
                if (p.data().isEmpty() || !p.meta().hasNext() || failedAlready(pending)) {
                    break;
                }
            }
            for (Future<TokenUsage> f : pending) {
                out.add(await(f));
            }
            return Math.max(total, out.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops listing once a fetch has failed: the scan will end with that failure anyway. */
    private static boolean failedAlready(List<? extends Future<?>> futures) {
        for (Future<?> f : futures) {
            if (f.isDone() && !f.isCancelled()) {
                try {
                    f.get();
                } catch (ExecutionException | InterruptedException e) {
                    return true;
                }
            }
        }
        return false;
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
            throw new IllegalStateException("interrupted while reading traces", e);
        }
    }

    /** The same filter as {@code GET /traces} would apply, as a search expression; null matches all. */
    static Object searchFilter(TraceFilter f) {
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
