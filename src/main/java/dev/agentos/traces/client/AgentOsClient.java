package dev.agentos.traces.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The AgentOS traces API, one method per endpoint. Thread-safe. Every failure is an
 * {@link AgentOsException} with one sentence for the user; bad arguments are {@link ArgumentException}s
 * raised before anything is sent.
 */
public final class AgentOsClient {

    /** The API allows any page size on GET routes, but {@code POST /traces/search} stops at 100. */
    public static final int MAX_LIMIT = 100;
    /** AgentOS's own default page size. */
    public static final int DEFAULT_LIMIT = 20;

    private final ConnectionOptions options;
    private final HttpTransport http;
    private final AtomicInteger requests = new AtomicInteger();

    private final RetryPolicy retry;

    public AgentOsClient(ConnectionOptions options, HttpTransport http) {
        this(options, http, RetryPolicy.DEFAULT);
    }

    public AgentOsClient(ConnectionOptions options, HttpTransport http, RetryPolicy retry) {
        this.options = options;
        this.http = http;
        this.retry = retry;
        Secrets.register(options.securityKey());
    }

    public static AgentOsClient create(ConnectionOptions options) {
        return new AgentOsClient(options, new UrlConnectionTransport(options));
    }

    public ConnectionOptions options() {
        return options;
    }

    /** Requests sent so far (for "how many calls did that take" in outputs and benchmarks). */
    public int requestCount() {
        return requests.get();
    }

    /** {@code GET /traces}: newest first. */
    public Page<TraceSummary> listTraces(TraceFilter filter, int page, int limit) {
        return listTraces(filter, page, limit, false);
    }

    /**
     * {@code GET /traces}: newest first, at most {@code limit} rows whatever AgentOS sends.
     *
     * @param skipUnreadable a row that cannot be read is named in {@link Page#skipped()} instead of failing
     */
    public Page<TraceSummary> listTraces(TraceFilter filter, int page, int limit, boolean skipUnreadable) {
        Map<String, String> q = filter.listQuery();
        q.put("page", Integer.toString(checkPage(page)));
        q.put("limit", Integer.toString(checkLimit(limit)));
        ResponseParser p = new ResponseParser("GET /traces");
        return p.page(get("/traces", q, db(filter.dbId()), NotFoundContext.ROUTE), n -> redacted(p.summary(n)), limit,
                skipUnreadable);
    }

    /** The trace of a run, found with {@code GET /traces?run_id=} (one run, one trace; the default page size). */
    public Optional<TraceSummary> findByRunId(String runId, String dbId) {
        TraceFilter f = TraceFilter.builder().runId(Ids.required("run_id", runId)).dbId(dbId).build();
        return listTraces(f, 1, DEFAULT_LIMIT).data().stream().findFirst();
    }

    /** {@code GET /traces/{trace_id}}: the whole trace with its span tree. */
    public TraceDetail getTrace(String traceId, String dbId) {
        String id = traceIdForPath(traceId);
        ResponseParser p = new ResponseParser("GET /traces/{trace_id}");
        return redacted(p.detail(get("/traces/" + segment(id), new LinkedHashMap<>(), db(dbId), NotFoundContext.trace(id))));
    }

    /** {@code GET /traces/{trace_id}?span_id=}: one span with its full input and output. */
    public TraceNode getSpan(String traceId, String spanId, String dbId) {
        String id = traceIdForPath(traceId);
        String span = Ids.required("span_id", spanId);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("span_id", span);
        ResponseParser p = new ResponseParser("GET /traces/{trace_id}?span_id=");
        TraceNode node = p.node(get("/traces/" + segment(id), q, db(dbId), NotFoundContext.span(id, span)), 0);
        return options.redact() ? Redaction.node(node) : node;
    }

    /**
     * {@code GET /trace_session_stats}; on a 404 for the route itself it tries once more at
     * {@code /traces/stats/sessions}, the path some docs give.
     */
    public Page<SessionStats> sessionStats(TraceFilter filter, int page, int limit) {
        Map<String, String> q = filter.statsQuery();
        q.put("page", Integer.toString(Math.max(1, checkPage(page))));
        q.put("limit", Integer.toString(checkLimit(limit)));
        ResponseParser p = new ResponseParser("GET /trace_session_stats");
        JsonNode body;
        try {
            body = get("/trace_session_stats", q, db(filter.dbId()), NotFoundContext.ROUTE);
        } catch (RouteMissing first) {
            try {
                body = get("/traces/stats/sessions", q, db(filter.dbId()), NotFoundContext.ROUTE);
            } catch (RouteMissing second) {
                throw new AgentOsException.NotFound("AgentOS at " + options.baseUrl() + " has no session-stats route "
                        + "(tried /trace_session_stats and /traces/stats/sessions). Is it an AgentOS with tracing on "
                        + "(agno 2.x), and is --base-url right?");
            }
        }
        return p.page(body, p::sessionStats, limit, false);
    }

    /** {@code GET /traces/filter-schema}. */
    public FilterSchema filterSchema(String dbId) {
        return new ResponseParser("GET /traces/filter-schema")
                .filterSchema(get("/traces/filter-schema", new LinkedHashMap<>(), db(dbId), NotFoundContext.ROUTE));
    }

    /** {@code POST /traces/search}, group_by run: full traces, newest first. {@code filter} may be null. */
    public Page<TraceDetail> searchRuns(Object filter, int page, int limit, String dbId) {
        return searchRuns(filter, page, limit, dbId, false);
    }

    /** As above; with {@code skipUnreadable} a trace that cannot be read is named in {@link Page#skipped()}. */
    public Page<TraceDetail> searchRuns(Object filter, int page, int limit, String dbId, boolean skipUnreadable) {
        ResponseParser p = new ResponseParser("POST /traces/search");
        return p.page(search(filter, "run", page, limit, dbId), n -> redacted(p.detail(n)), limit, skipUnreadable);
    }

    /** {@code POST /traces/search}, group_by session. */
    public Page<SessionStats> searchSessions(Object filter, int page, int limit, String dbId) {
        ResponseParser p = new ResponseParser("POST /traces/search");
        return p.page(search(filter, "session", page, limit, dbId), p::sessionStats, limit, false);
    }

    private JsonNode search(Object filter, String groupBy, int page, int limit, String dbId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (filter != null) {
            body.put("filter", filter);
        }
        body.put("group_by", groupBy);
        body.put("page", Math.max(1, checkPage(page)));
        body.put("limit", checkLimit(limit));
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ArgumentException("The search filter cannot be written as JSON.");
        }
        Map<String, String> q = new LinkedHashMap<>();
        String db = db(dbId);
        if (db != null) {
            q.put("db_id", db);
        }
        return send("POST", "/traces/search", q, json, NotFoundContext.ROUTE);
    }

    // ---- discovery and runs ---------------------------------------------------------------------

    /**
     * What AgentOS serves, from {@code GET /config}; with {@code details}, also each agent's tools and each
     * team's members from {@code GET /agents} and {@code /teams}. An AgentOS without {@code /config} is read
     * from {@code /agents}, {@code /teams} and {@code /workflows}.
     */
    public Catalog catalog(boolean details) {
        CatalogParser p = new CatalogParser();
        JsonNode config;
        try {
            config = get("/config", new LinkedHashMap<>(), null, NotFoundContext.ROUTE);
        } catch (RouteMissing e) {
            config = null;
        }
        if (config != null) {
            p.config(config);
            if (!details) {
                return p.catalog();
            }
        }
        for (Catalog.Kind k : Catalog.Kind.values()) {
            if (config != null && (k == Catalog.Kind.WORKFLOW || p.count(k) == 0)) {
                continue; // nothing /config does not already say
            }
            try {
                p.list(k, get("/" + k.route(), new LinkedHashMap<>(), null, NotFoundContext.ROUTE));
            } catch (RouteMissing e) {
                if (config == null && k == Catalog.Kind.AGENT) {
                    throw new AgentOsException.NotFound("AgentOS at " + options.baseUrl() + " has neither /config nor "
                            + "/agents; is --base-url the AgentOS itself (agno 2.x)?");
                }
            }
        }
        return p.catalog();
    }

    /** What a run was asked to do: form fields {@code message}, {@code session_id}, {@code user_id}. */
    public record RunRequest(String message, String sessionId, String userId) {
    }

    /**
     * {@code POST /{agents|teams|workflows}/{id}/runs} with {@code stream=true}: the run's events as they happen.
     * Never retried once sent (a run has side effects). An AgentOS that answers with one JSON body instead is
     * read as a stream of one event.
     */
    public EventStream startRun(Catalog.Kind kind, String id, RunRequest run) {
        String cid = Ids.required(kind.idField(), id);
        if (run.message() == null || run.message().isBlank()) {
            throw new ArgumentException("message is required: what to send to the " + kind.label() + ".");
        }
        StringJoiner form = new StringJoiner("&");
        form.add("message=" + URLEncoder.encode(run.message(), StandardCharsets.UTF_8));
        form.add("stream=true");
        if (run.sessionId() != null) {
            form.add("session_id=" + URLEncoder.encode(Ids.required("session_id", run.sessionId()), StandardCharsets.UTF_8));
        }
        if (run.userId() != null) {
            form.add("user_id=" + URLEncoder.encode(Ids.required("user_id", run.userId()), StandardCharsets.UTF_8));
        }
        String path = "/" + kind.route() + "/" + segment(cid) + "/runs";
        String what = "POST /" + kind.route() + "/" + cid + "/runs";
        Map<String, String> headers = headers("text/event-stream");
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        requests.incrementAndGet();
        HttpTransport.Streaming r;
        try {
            r = http.stream(new HttpTransport.Request("POST", URI.create(options.baseUrl() + path), headers,
                    form.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (SocketTimeoutException e) {
            boolean connect = e.getMessage() != null && e.getMessage().toLowerCase().contains("connect");
            throw new AgentOsException.Timeout(what, connect ? options.connectTimeout() : options.requestTimeout(), connect);
        } catch (IOException e) {
            throw new AgentOsException.Unreachable(options.baseUrl().toString(), reason(e));
        }
        String type = r.contentType() == null ? "" : r.contentType().toLowerCase(java.util.Locale.ROOT);
        if (r.status() >= 200 && r.status() < 300 && type.startsWith("text/event-stream")) {
            return new EventStream(r, options.maxBodyBytes(), what);
        }
        byte[] body;
        try (r) {
            body = r.body().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxBodyBytes()));
        } catch (IOException e) {
            throw new AgentOsException.Unreachable(options.baseUrl().toString(), "the connection failed during " + what);
        }
        JsonNode n = interpret(what, new HttpTransport.Response(r.status(), body, r.contentType(), null),
                new NotFoundContext(null, null, kind.label() + " '" + cid + "'"));
        // a single JSON reply (stream not honoured): one event that ends the run
        String status = n.path("status").asText("COMPLETED");
        String event = status.equals("ERROR") ? "RunError" : status.equals("CANCELLED") ? "RunCancelled" : "RunCompleted";
        byte[] sse = ("event: " + event + "\ndata: " + ((com.fasterxml.jackson.databind.node.ObjectNode) n.deepCopy())
                .put("event", event) + "\n\n").getBytes(StandardCharsets.UTF_8);
        return new EventStream(new HttpTransport.Streaming(200, "text/event-stream", new java.io.ByteArrayInputStream(sse),
                () -> { }), options.maxBodyBytes(), what);
    }

    /** {@code POST /{agents|teams|workflows}/{id}/runs/{run_id}/cancel}: AgentOS answers 200 even for finished runs. */
    public void cancelRun(Catalog.Kind kind, String id, String runId, String sessionId) {
        Map<String, String> q = new LinkedHashMap<>();
        if (sessionId != null) {
            q.put("session_id", sessionId); // required by AgentOS for non-admin JWT users
        }
        send("POST", "/" + kind.route() + "/" + segment(Ids.required(kind.idField(), id)) + "/runs/"
                + segment(Ids.required("run_id", runId)) + "/cancel", q, new byte[0], NotFoundContext.ROUTE);
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private TraceSummary redacted(TraceSummary s) {
        return options.redact() ? Redaction.summary(s) : s;
    }

    private TraceDetail redacted(TraceDetail d) {
        return options.redact() ? Redaction.detail(d) : d;
    }

    /**
     * A trace id for {@code /traces/{trace_id}}. AgentOS routes {@code /traces/filter-schema} to its own
     * handler first, so no trace with that id can be read there: say "not found" instead of asking.
     */
    private String traceIdForPath(String traceId) {
        String id = Ids.required("trace_id", traceId);
        if (id.equals("filter-schema")) {
            throw new AgentOsException.NotFound("Trace " + id + " was not found: /traces/" + id + " is AgentOS's filter "
                    + "schema route, not a trace id; list_traces shows recent trace ids.");
        }
        return id;
    }

    private String db(String dbId) {
        String d = Ids.optional("db_id", dbId);
        return d != null ? d : options.defaultDbId();
    }

    private static int checkPage(int page) {
        if (page < 1 || page > 1_000_000) {
            throw new ArgumentException("page must be between 1 and 1000000, not " + page + ".");
        }
        return page;
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
        return limit;
    }

    private JsonNode get(String path, Map<String, String> query, String dbId, NotFoundContext nf) {
        if (dbId != null) {
            query.put("db_id", dbId);
        }
        return send("GET", path, query, null, nf);
    }

    private JsonNode send(String method, String path, Map<String, String> query, byte[] body, NotFoundContext nf) {
        URI uri = URI.create(options.baseUrl() + path + queryString(query));
        Map<String, String> headers = headers("application/json");
        if (body != null && body.length > 0) {
            headers.put("Content-Type", "application/json");
        }
        String what = method + " " + path; // the concrete path: ids are validated and encoded
        boolean get = method.equals("GET");
        HttpTransport.Response r;
        for (int attempt = 1; ; attempt++) {
            requests.incrementAndGet();
            try {
                r = http.send(new HttpTransport.Request(method, uri, headers, body));
            } catch (OutOfMemoryError e) {
                throw outOfMemory(what);
            } catch (HttpTransport.BodyTooLargeException e) {
                throw new AgentOsException.TooLarge("AgentOS's reply to " + what + " is larger than "
                        + (options.maxBodyBytes() / (1024 * 1024)) + " MB, the size cap; ask for fewer items (a smaller limit).");
            } catch (SocketTimeoutException e) {
                boolean connect = e.getMessage() != null && e.getMessage().toLowerCase().contains("connect");
                throw new AgentOsException.Timeout(what, connect ? options.connectTimeout() : options.requestTimeout(), connect);
            } catch (UnknownHostException e) {
                throw new AgentOsException.Unreachable(options.baseUrl().toString(), reason(e));
            } catch (ConnectException | NoRouteToHostException e) {
                // never reached the server: safe to try again, even a POST
                if (retry.mayRetry(attempt) && retry.pause(attempt, null)) {
                    continue;
                }
                throw new AgentOsException.Unreachable(options.baseUrl().toString(), reason(e));
            } catch (IOException e) {
                // reset or closed mid-request: the server may have processed it, so only GETs try again
                if (get && retry.mayRetry(attempt) && retry.pause(attempt, null)) {
                    continue;
                }
                throw new AgentOsException.Unreachable(options.baseUrl().toString(),
                        "the connection failed during " + what + ": " + reason(e));
            }
            // a 429 was refused before any work; a 503 with Retry-After says the same
            boolean notProcessed = r.status() == 429 || r.status() == 503 && r.retryAfter() != null;
            if (RetryPolicy.transientStatus(r.status()) && (get || notProcessed) && retry.mayRetry(attempt)
                    && retry.pause(attempt, r.retryAfter())) {
                continue;
            }
            break;
        }
        try {
            return interpret(what, r, nf);
        } catch (OutOfMemoryError e) {
            r = null; // the body, let go before the sentence is built
            throw outOfMemory(what);
        }
    }

    /** A reply too large for the heap: what was allocated for it is garbage once this is thrown. */
    static AgentOsException.TooLarge outOfMemory(String what) {
        return new AgentOsException.TooLarge("AgentOS's reply to " + what + " did not fit in memory ("
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB heap); ask for fewer items (a smaller limit "
                + "or window), or give the JVM more heap (JAVA_OPTS=-Xmx1g).");
    }

    private Map<String, String> headers(String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        headers.put("User-Agent", "agentos-traces-mcp");
        if (options.securityKey() != null) {
            headers.put("Authorization", "Bearer " + options.securityKey());
        }
        return headers;
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    private JsonNode interpret(String what, HttpTransport.Response r, NotFoundContext nf) {
        int status = r.status();
        if (status >= 200 && status < 300) {
            try {
                JsonNode node = Json.MAPPER.readTree(r.body());
                if (node == null || node.isMissingNode()) {
                    throw new IOException("empty body");
                }
                return node;
            } catch (StreamConstraintsException e) {
                throw new AgentOsException.BadResponse("AgentOS answered " + what + " with JSON nested deeper than "
                        + Json.MAX_NESTING + " levels, more than we read (a span tree that deep cannot be shown); "
                        + "get_trace with span_id reads its spans one at a time.");
            } catch (IOException e) {
                if (e instanceof CharConversionException || String.valueOf(e.getMessage()).contains("Invalid UTF-8")) {
                    throw new AgentOsException.BadResponse("AgentOS answered " + what + " with text that is not valid "
                            + "UTF-8" + describe(r) + "; AgentOS writes UTF-8, so something between us (a proxy) or the "
                            + "trace store holds mangled bytes.");
                }
                throw new AgentOsException.BadResponse("AgentOS answered " + what + " with a body that is not JSON"
                        + describe(r) + ". Is --base-url (" + options.baseUrl() + ") the AgentOS itself and not a proxy or web page?");
            }
        }
        String detail = Details.of(r.body());
        switch (status) {
            case 405 -> throw new RouteMissing(what, 405);
            case 401, 403 -> throw new AgentOsException.Unauthorized(status, detail, options.securityKey() != null);
            case 404 -> {
                if ("Not Found".equals(detail) && nf == NotFoundContext.ROUTE) {
                    throw new RouteMissing(what, 404);
                }
                throw new AgentOsException.NotFound(nf.message(detail, options.baseUrl().toString(), what));
            }
            case 400, 422 -> throw new AgentOsException.BadRequest(status, Details.withHint(detail));
            default -> {
                if (status >= 500 || status == 429) {
                    throw new AgentOsException.ServerError(status, detail);
                }
                if (status >= 300 && status < 400) {
                    throw new AgentOsException.BadResponse("AgentOS answered " + what + " with a redirect (" + status
                            + "); set --base-url to the address it redirects to.");
                }
                throw new AgentOsException.BadResponse("AgentOS answered " + what + " with HTTP " + status + ": " + detail);
            }
        }
    }

    private static String describe(HttpTransport.Response r) {
        return r.contentType() == null ? "" : " (" + r.contentType() + ")";
    }

    private static String segment(String value) {
        // encode everything but unreserved characters; dots too, so "." or ".." cannot climb the path
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace(".", "%2E")
                .replace("*", "%2A");
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        for (Map.Entry<String, String> e : query.entrySet()) {
            j.add(e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return j.toString();
    }

    /** A generic 404 for a route (not for a trace or span): the route does not exist there. */
    private final class RouteMissing extends AgentOsException.NotFound {
        RouteMissing(String what, int status) {
            super("AgentOS at " + options.baseUrl() + " has no route " + what + " (" + status
                    + "). Is it an AgentOS with tracing on (agno 2.x), and is --base-url right?");
        }
    }

    /** How to word a 404 for the thing that was asked for. */
    private record NotFoundContext(String traceId, String spanId, String component) {
        static final NotFoundContext ROUTE = new NotFoundContext(null, null, null);

        static NotFoundContext trace(String id) {
            return new NotFoundContext(id, null, null);
        }

        static NotFoundContext span(String id, String span) {
            return new NotFoundContext(id, span, null);
        }

        String message(String detail, String baseUrl, String what) {
            if (detail.startsWith("No database found")) {
                return "AgentOS says: " + detail + (detail.endsWith(".") ? "" : ".")
                        + " Omit db_id to use the default database, or pick one from GET /config (traces.dbs).";
            }
            if (spanId != null && detail.equals("Span not found")) {
                return "Span " + spanId + " was not found in trace " + traceId
                        + "; get_trace without span_id lists the trace's spans.";
            }
            if (spanId != null && detail.contains("does not belong")) {
                return "Span " + spanId + " belongs to another trace, not " + traceId
                        + "; get_trace without span_id lists this trace's spans.";
            }
            if (traceId != null && detail.equals("Trace not found")) {
                return "Trace " + traceId + " was not found at " + baseUrl
                        + "; list_traces shows recent trace ids (check db_id if AgentOS has several databases).";
            }
            if (component != null && detail.endsWith("not found")) {
                return "AgentOS has no " + component + "; list_agents (CLI: agents) shows what it serves.";
            }
            return "AgentOS answered " + what + " with 404: " + detail;
        }
    }
}
