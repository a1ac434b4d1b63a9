package dev.agentos.traces.mcp;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP sessions one HTTP server holds, as seen from in front of the SDK's servlets: how many there are
 * (a new one past {@code maxSessions} is refused), which Streamable HTTP sessions went idle (the SDK's
 * sweeper closes them; they are forgotten here too), which legacy SSE sessions finished initializing (the SDK
 * parks a request sent before that for good, so it is answered here), which tool calls are running (a call
 * whose stream broke, or that runs when the server stops, is cancelled before its next AgentOS request).
 * One INFO line per session end.
 */
final class HttpSessions implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSessions.class);
    /** Set by the body filter: the JSON-RPC method ("" for a response) and a tools/call's cancellation key. */
    static final String METHOD = "dev.agentos.traces.method";
    static final String CALL_KEY = "dev.agentos.traces.call";

    private final int maxSessions;
    private final long idleNanos;
    private final Map<String, Streamable> streamable = new ConcurrentHashMap<>();
    private final Map<String, Sse> sse = new ConcurrentHashMap<>();
    /** tools/call keys running in this server, for shutdown. */
    private final Set<String> calls = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;
    private volatile boolean stopping;

    /** @param idleTimeout the SDK sweeps with this interval, so an idle session goes after one to two of it */
    HttpSessions(int maxSessions, Duration idleTimeout) {
        this.maxSessions = maxSessions;
        this.idleNanos = idleTimeout.multipliedBy(2).toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mcp-session-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, idleTimeout.toMillis() / 2);
        sweeper.scheduleWithFixedDelay(this::forgetIdle, every, every, TimeUnit.MILLISECONDS);
    }

    private static final class Streamable {
        volatile long lastSeen = System.nanoTime();
        final AtomicInteger busy = new AtomicInteger(); // requests in flight and open GET streams
    }

    private static final class Sse {
        final Tap stream;
        volatile boolean ready;

        Sse(Tap stream) {
            this.stream = stream;
        }
    }

    int sessions() {
        return streamable.size() + sse.size();
    }

    int callsInFlight() {
        return calls.size();
    }

    /** Shutdown: every running tool call stops before its next AgentOS request and answers with an error. */
    void stopCalls() {
        if (!stopping) {
            LOG.info("Shutting down: {} MCP session(s) end, {} running tool call(s) stop", sessions(), calls.size());
        }
        stopping = true;
        for (String key : calls) {
            Cancellations.cancel(key, Cancellations.SHUTTING_DOWN);
        }
    }

    void close() {
        sweeper.shutdownNow();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        HttpServletResponse out = (HttpServletResponse) res;
        switch (http.getServletPath()) {
            case "/mcp" -> streamable(http, out, chain);
            case "/sse" -> sseStream(http, out, chain);
            case "/message" -> sseMessage(http, out, chain);
            default -> chain.doFilter(req, res);
        }
    }

    private void streamable(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String id = req.getHeader("Mcp-Session-Id");
        Object method = req.getAttribute(METHOD);
        if ("initialize".equals(method)) {
            if (full(res)) {
                return;
            }
            call(req, res, chain, null);
            String created = res.getHeader("Mcp-Session-Id");
            if (created != null && res.getStatus() < 300) {
                streamable.put(created, new Streamable());
            }
            return;
        }
        Streamable s = id == null ? null : streamable.get(id);
        if (s == null) {
            call(req, res, chain, null); // the SDK answers: no session, or not found
            return;
        }
        s.busy.incrementAndGet();
        s.lastSeen = System.nanoTime();
        boolean released = true;
        try {
            call(req, res, chain, null);
            if ("GET".equals(req.getMethod()) && req.isAsyncStarted() && res.getStatus() < 300) {
                released = false; // a listening stream: busy until it ends
                req.getAsyncContext().addListener(onEnd(() -> release(s)));
            }
        } finally {
            if (released) {
                release(s);
            }
        }
        if (res.getStatus() == 404 || "DELETE".equals(req.getMethod()) && res.getStatus() < 300) {
            if (streamable.remove(id) != null) {
                Cancellations.cancelScope(id, Cancellations.CLIENT_GONE);
                LOG.info("MCP session {} ended: {}", id, res.getStatus() == 404 ? "closed by the server (idle, or its stream failed)" : "closed by the client");
            }
        }
    }

    private static void release(Streamable s) {
        s.lastSeen = System.nanoTime();
        s.busy.decrementAndGet();
    }

    private void sseStream(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(req.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        if (full(res)) {
            return;
        }
        TapResponse tapped = new TapResponse(res);
        chain.doFilter(req, tapped);
        Tap tap = tapped.tap;
        String id = tap == null ? null : tap.sessionId();
        if (id != null && req.isAsyncStarted()) {
            sse.put(id, new Sse(tap));
            req.getAsyncContext().addListener(onEnd(() -> {
                if (sse.remove(id) != null) {
                    Cancellations.cancelScope(id, Cancellations.CLIENT_GONE);
                    LOG.info("MCP session {} (SSE) ended: its stream closed", id);
                }
            }));
        }
    }

    private void sseMessage(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String id = req.getParameter("sessionId");
        Object method = req.getAttribute(METHOD);
        Sse s = id == null ? null : sse.get(id);
        if (id == null || !"POST".equals(req.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        if (s == null) {
            refuse(res, 404, -32001, "Session not found or its stream has closed: open a new one with GET /sse.");
            return;
        }
        boolean early = method != null && !"".equals(method) && !"initialize".equals(method)
                && !"notifications/initialized".equals(method);
        if (early && !s.ready) { // the SDK would wait for notifications/initialized forever, holding a thread
            refuse(res, 400, -32600, "Send initialize, then notifications/initialized, before any other message.");
            return;
        }
        call(req, res, chain, s.stream);
        if ("notifications/initialized".equals(method) && res.getStatus() < 300) {
            s.ready = true;
        }
    }

    /** Runs the request; a tool call is tracked, and cancelled if {@code stream} (else its own reply) breaks. */
    private void call(HttpServletRequest req, HttpServletResponse res, FilterChain chain, Tap stream)
            throws IOException, ServletException {
        Object key = req.getAttribute(CALL_KEY);
        if (!(key instanceof String k)) {
            chain.doFilter(req, res);
            return;
        }
        if (stopping) {
            refuse(res, 503, -32000, Cancellations.SHUTTING_DOWN);
            return;
        }
        TapResponse tapped = stream == null ? new TapResponse(res) : null;
        calls.add(k);
        Cancellations.listen(k, () -> {
            if (stream != null) {
                return stream.probe();
            }
            // only an event stream can take a probe; a JSON reply (stateless) is written once, at the end
            String type = tapped.getContentType();
            return tapped.tap == null || type == null || !type.startsWith("text/event-stream") || tapped.tap.probe();
        });
        try {
            chain.doFilter(req, tapped != null ? tapped : res);
        } finally {
            Cancellations.unlisten(k);
            calls.remove(k);
        }
    }

    private boolean full(HttpServletResponse res) throws IOException {
        if (sessions() < maxSessions) {
            return false;
        }
        forgetIdle();
        if (sessions() < maxSessions) {
            return false;
        }
        res.setHeader("Retry-After", "60");
        refuse(res, 503, -32000, "Too many MCP sessions (" + maxSessions + "): close unused ones, or wait for idle ones "
                + "to expire (serve --session-idle-timeout); the limit is serve --max-sessions.");
        return true;
    }

    private void forgetIdle() {
        long now = System.nanoTime();
        streamable.forEach((id, s) -> {
            if (s.busy.get() == 0 && now - s.lastSeen > idleNanos && streamable.remove(id, s)) {
                LOG.info("MCP session {} ended: idle", id);
            }
        });
    }

    static void refuse(HttpServletResponse res, int status, int code, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.getWriter().write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + code + ",\"message\":"
                + dev.agentos.traces.client.Json.MAPPER.valueToTree(message) + "}}");
    }

    private static AsyncListener onEnd(Runnable r) {
        return new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent e) {
                r.run();
            }

            @Override
            public void onTimeout(AsyncEvent e) {
            }

            @Override
            public void onError(AsyncEvent e) {
                r.run();
            }

            @Override
            public void onStartAsync(AsyncEvent e) {
            }
        };
    }

    /** The response, its writer tapped. */
    static final class TapResponse extends HttpServletResponseWrapper {
        Tap tap;

        TapResponse(HttpServletResponse res) {
            super(res);
        }

        @Override
        public synchronized PrintWriter getWriter() throws IOException {
            if (tap == null) {
                tap = new Tap(super.getWriter());
            }
            return tap;
        }
    }

    /**
     * An SSE stream's writer that notes where events end, so a probe (an SSE comment, which clients ignore)
     * can be slotted in between them to learn whether the client is still there: the container notices a
     * closed connection only when it writes. It also reads the session id from the first event of /sse.
     */
    static final class Tap extends PrintWriter {
        private static final long PROBE_EVERY_NANOS = 100_000_000L;
        private final PrintWriter out;
        private final StringBuilder head = new StringBuilder();
        private char last1 = '\n';
        private char last2 = '\n';
        private long lastProbe;

        Tap(PrintWriter out) {
            super(out);
            this.out = out;
        }

        @Override
        public void write(int c) {
            write(new char[] {(char) c}, 0, 1);
        }

        @Override
        public void write(String s, int off, int len) {
            write(s.toCharArray(), off, len);
        }

        @Override
        public void write(char[] buf, int off, int len) {
            synchronized (lock) {
                out.write(buf, off, len);
                if (len > 0) {
                    last2 = len > 1 ? buf[off + len - 2] : last1;
                    last1 = buf[off + len - 1];
                }
                if (head.length() < 1024) {
                    head.append(buf, off, Math.min(len, 1024));
                }
            }
        }

        @Override
        public void flush() {
            synchronized (lock) {
                out.flush();
            }
        }

        @Override
        public boolean checkError() {
            return out.checkError();
        }

        @Override
        public void close() {
            out.close();
        }

        /** The {@code sessionId} the SDK's endpoint event named, or null. */
        String sessionId() {
            synchronized (lock) {
                int at = head.indexOf("sessionId=");
                if (at < 0) {
                    return null;
                }
                int end = at + "sessionId=".length();
                while (end < head.length() && !Character.isWhitespace(head.charAt(end)) && head.charAt(end) != '&') {
                    end++;
                }
                return head.substring(at + "sessionId=".length(), end);
            }
        }

        /** Whether the client can still read this stream; writes an SSE comment between events, at most every 100 ms. */
        boolean probe() {
            synchronized (lock) {
                long now = System.nanoTime();
                if (last1 == '\n' && last2 == '\n' && now - lastProbe > PROBE_EVERY_NANOS) {
                    lastProbe = now;
                    out.write(":\n\n");
                    out.flush();
                }
                return !out.checkError();
            }
        }
    }
}
