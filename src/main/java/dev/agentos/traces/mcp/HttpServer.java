package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote face: the SDK's own servlet transports on embedded Jetty. Streamable HTTP at {@code /mcp}
 * and the legacy HTTP+SSE pair at {@code /sse} + {@code /message} (or, stateless, only {@code /mcp}),
 * an open {@code /healthz}, optional bearer auth, DNS-rebinding protection and a request size limit.
 * Only referenced when serving over HTTP, so stdio mode never loads a Jetty class.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    /**
     * @param authToken null for no MCP-client auth (then only a loopback bind is allowed unless
     *                  {@code allowUnauthenticated})
     */
    public record Options(String host, int port, boolean stateless, List<String> allowedHosts,
            List<String> allowedOrigins, String authToken, boolean allowUnauthenticated, int maxRequestBytes,
            Duration keepAlive, Duration idleTimeout, Duration shutdownTimeout, Duration sessionIdleTimeout,
            int maxSessions, int maxInitializeBytes, int maxConcurrentRequests) {

        public static final int DEFAULT_PORT = 8848;
        public static final Duration DEFAULT_SESSION_IDLE = Duration.ofMinutes(10);
        public static final int DEFAULT_MAX_SESSIONS = 1000;

        public Options(String host, int port, boolean stateless, List<String> allowedHosts, List<String> allowedOrigins,
                String authToken, boolean allowUnauthenticated, int maxRequestBytes, Duration keepAlive,
                Duration idleTimeout, Duration shutdownTimeout) {
            this(host, port, stateless, allowedHosts, allowedOrigins, authToken, allowUnauthenticated, maxRequestBytes,
                    keepAlive, idleTimeout, shutdownTimeout, DEFAULT_SESSION_IDLE, DEFAULT_MAX_SESSIONS, 16 * 1024, 100);
        }

        public static Options defaults(String host, int port) {
            return new Options(host, port, false, List.of(), List.of(), null, false, 4 * 1024 * 1024,
                    Duration.ofSeconds(15), Duration.ofMinutes(2), Duration.ofSeconds(10));
        }

        public Options withSessions(Duration idle, int max) {
            return new Options(host, port, stateless, allowedHosts, allowedOrigins, authToken, allowUnauthenticated,
                    maxRequestBytes, keepAlive, idleTimeout, shutdownTimeout, idle, max, maxInitializeBytes,
                    maxConcurrentRequests);
        }

        public Options withLimits(int initializeBytes, int concurrentRequests) {
            return new Options(host, port, stateless, allowedHosts, allowedOrigins, authToken, allowUnauthenticated,
                    maxRequestBytes, keepAlive, idleTimeout, shutdownTimeout, sessionIdleTimeout, maxSessions,
                    initializeBytes, concurrentRequests);
        }

        @Override
        public String toString() { // never the token
            return "Options[host=" + host + ", port=" + port + ", stateless=" + stateless + ", auth="
                    + (authToken == null ? "off" : "on") + "]";
        }
    }

    private final Server jetty;
    private final List<Runnable> closers;
    private final Duration shutdownTimeout;
    private final HttpSessions sessions;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private HttpServer(Server jetty, List<Runnable> closers, Duration shutdownTimeout, HttpSessions sessions) {
        this.jetty = jetty;
        this.closers = closers;
        this.shutdownTimeout = shutdownTimeout;
        this.sessions = sessions;
    }

    /** Starts the server; throws ArgumentException for an unsafe configuration. */
    public static HttpServer start(Options o, ConnectionOptions conn, String version) throws Exception {
        return start(o, conn, ToolSelection.DEFAULTS, version, ServerAssembly.NO_EXTRAS);
    }

    /** Offering the tools {@code tools} selects. */
    public static HttpServer start(Options o, ConnectionOptions conn, ToolSelection tools, String version)
            throws Exception {
        return start(o, conn, tools, version, ServerAssembly.NO_EXTRAS);
    }

    /** With extra features on the sessionful servers (the conformance fixtures use this from tests). */
    public static HttpServer start(Options o, ConnectionOptions conn, String version,
            Consumer<McpServer.SyncSpecification<?>> extras) throws Exception {
        return start(o, conn, ToolSelection.DEFAULTS, version, extras);
    }

    private static HttpServer start(Options o, ConnectionOptions conn, ToolSelection selection, String version,
            Consumer<McpServer.SyncSpecification<?>> extras) throws Exception {
        boolean loopback = isLoopback(o.host());
        if (!loopback && o.authToken() == null && !o.allowUnauthenticated()) {
            throw new dev.agentos.traces.client.ArgumentException("Refusing to serve on " + o.host()
                    + " without an auth token: anyone who can reach it could read your traces. Set MCP_AUTH_TOKEN or "
                    + "--auth-token-file, or pass --allow-unauthenticated if a proxy in front of it authenticates.");
        }
        if (!loopback && o.authToken() == null) {
            LOG.warn("Serving on {} with no MCP auth token (--allow-unauthenticated): anyone who can reach this port "
                    + "can read the traces of {}", o.host(), conn.baseUrl());
        }
        McpJsonMapper json = ServerAssembly.jsonMapper();
        ServerAssembly.Parts parts = new ServerAssembly.Parts(ServerAssembly.lazy(conn), selection, conn, version,
                ServerAssembly.CallWrapper.DIRECT);
        DefaultServerTransportSecurityValidator validator = validator(o);

        ServletContextHandler ctx = new ServletContextHandler();
        ctx.setContextPath("/");
        List<Runnable> closers = new ArrayList<>();
        if (o.stateless()) {
            HttpServletStatelessServerTransport t = HttpServletStatelessServerTransport.builder().jsonMapper(json)
                    .messageEndpoint("/mcp").httpHeaderValidator(validator).maxRequestSize(o.maxRequestBytes()).build();
            McpStatelessSyncServer s = ServerAssembly.build(t, parts);
            closers.add(s::closeGracefully);
            add(ctx, t, "/mcp");
        } else {
            HttpServletStreamableServerTransportProvider streamable = HttpServletStreamableServerTransportProvider
                    .builder().jsonMapper(json).mcpEndpoint("/mcp").keepAliveInterval(o.keepAlive())
                    .sessionSweepInterval(o.sessionIdleTimeout()) // closes sessions idle for one to two of it
                    .httpHeaderValidator(validator).maxRequestSize(o.maxRequestBytes()).build();
            McpSyncServer s1 = ServerAssembly.build(streamable, parts, extras);
            @SuppressWarnings("deprecation") // the legacy transport: some clients still speak only SSE
            HttpServletSseServerTransportProvider sse = HttpServletSseServerTransportProvider.builder().jsonMapper(json)
                    .sseEndpoint("/sse").messageEndpoint("/message").keepAliveInterval(o.keepAlive())
                    .httpHeaderValidator(validator).maxRequestSize(o.maxRequestBytes()).build();
            McpSyncServer s2 = ServerAssembly.build(McpServer.sync(sse), parts, extras);
            closers.add(s1::closeGracefully);
            closers.add(s2::closeGracefully);
            add(ctx, streamable, "/mcp");
            add(ctx, sse, "/sse");
            add(ctx, sse, "/message");
        }
        ctx.addServlet(new ServletHolder(new HealthServlet(conn, validator, o.authToken(), loopback)), "/healthz");
        if (o.authToken() != null) {
            FilterHolder auth = new FilterHolder(new BearerAuth(o.authToken()));
            for (String path : List.of("/mcp", "/sse", "/message")) {
                ctx.addFilter(auth, path, EnumSet.of(DispatcherType.REQUEST));
            }
        }
        FilterHolder jsonBody = new FilterHolder(new JsonObjectBody(o.maxInitializeBytes()));
        for (String path : List.of("/mcp", "/message")) {
            ctx.addFilter(jsonBody, path, EnumSet.of(DispatcherType.REQUEST)); // after auth: strangers learn nothing
        }
        HttpSessions sessions = new HttpSessions(o.maxSessions(), o.sessionIdleTimeout());
        FilterHolder sessionFilter = new FilterHolder(sessions);
        for (String path : List.of("/mcp", "/sse", "/message")) {
            ctx.addFilter(sessionFilter, path, EnumSet.of(DispatcherType.REQUEST));
        }

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("mcp-http");
        // after a burst, idle threads (and the per-thread buffers Jackson keeps for each) go within a minute;
        // Jetty's default evicts one thread per idle period, which kept ~2 MB and 150 threads for hours
        threads.setIdleTimeout(30_000);
        threads.setMaxEvictCount(200);
        Server jetty = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(config));
        connector.setHost(o.host());
        connector.setPort(o.port());
        connector.setIdleTimeout(o.idleTimeout().toMillis());
        jetty.addConnector(connector);
        // POSTs hold a thread until answered (the SDK blocks on each): at most this many at once, the rest wait
        // without a thread for a while, then 503; GETs (streams, health) always find a thread
        QoSHandler qos = new QoSHandler(ctx);
        qos.includeMethod("POST");
        qos.setMaxRequestCount(o.maxConcurrentRequests());
        qos.setMaxSuspend(Duration.ofSeconds(30));
        SizeLimitHandler limit = new SizeLimitHandler(o.maxRequestBytes(), -1);
        limit.setHandler(qos);
        GracefulHandler graceful = new GracefulHandler(limit);
        jetty.setHandler(graceful);
        jetty.setStopTimeout(o.shutdownTimeout().toMillis());
        jetty.setStopAtShutdown(false); // our own hook closes MCP sessions first
        jetty.start();
        HttpServer server = new HttpServer(jetty, closers, o.shutdownTimeout(), sessions);
        LOG.info("MCP over HTTP on http://{}:{}/mcp{}", o.host(), server.port(), o.stateless() ? " (stateless)" : " and /sse");
        return server;
    }

    private static void add(ServletContextHandler ctx, HttpServlet servlet, String path) {
        ServletHolder h = new ServletHolder(servlet);
        h.setAsyncSupported(true); // the SDK's transports stream with AsyncContext
        ctx.addServlet(h, path);
    }

    static DefaultServerTransportSecurityValidator validator(Options o) {
        List<String> hosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "[::1]"));
        if (!hosts.contains(o.host()) && !o.host().equals("0.0.0.0") && !o.host().equals("::")) {
            hosts.add(o.host().contains(":") ? "[" + o.host() + "]" : o.host());
        }
        List<String> allowedHosts = new ArrayList<>();
        List<String> allowedOrigins = new ArrayList<>();
        for (String h : hosts) {
            allowedHosts.add(h + ":*");
            allowedHosts.add(h);
            allowedOrigins.add("http://" + h + ":*");
            allowedOrigins.add("https://" + h + ":*");
            allowedOrigins.add("http://" + h);
            allowedOrigins.add("https://" + h);
        }
        allowedHosts.addAll(o.allowedHosts());
        allowedOrigins.addAll(o.allowedOrigins());
        return DefaultServerTransportSecurityValidator.builder().allowedHosts(allowedHosts).allowedOrigins(allowedOrigins)
                .build();
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** Waits until the server stops (after {@link #close()}, e.g. from a shutdown hook). */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Graceful: running tool calls stop before their next AgentOS request and answer with an error (within the
     * shutdown timeout), then MCP sessions are closed and the port is freed.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sessions.stopCalls();
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        while (sessions.callsInFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sessions.close();
        for (Runnable r : closers) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.debug("closing an MCP server", e);
            }
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server took longer than {}", shutdownTimeout);
        }
    }

    /** {@code Authorization: Bearer <token>}, compared in constant time; 401 otherwise. */
    static final class BearerAuth implements Filter {
        private final byte[] expected;

        BearerAuth(String token) {
            this.expected = token.getBytes(StandardCharsets.UTF_8);
        }

        /** The scheme is case-insensitive (RFC 7235), the token compared in constant time. */
        boolean accepts(HttpServletRequest req) {
            String header = req.getHeader("Authorization");
            String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
            return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            if (!accepts((HttpServletRequest) req)) {
                HttpServletResponse r = (HttpServletResponse) res;
                r.setStatus(401);
                r.setHeader("WWW-Authenticate", "Bearer");
                r.setContentType("application/json");
                r.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"Send Authorization: Bearer <token> "
                        + "(the server's MCP_AUTH_TOKEN).\"}");
                return;
            }
            chain.doFilter(req, res);
        }
    }

    /**
     * A POST body must be one JSON object; anything else gets a JSON-RPC error (id null) with 400 here,
     * where the SDK's servlet would answer some (a literal {@code null}) with a 500.
     */
    static final class JsonObjectBody implements Filter {
        private final int maxInitializeBytes;

        JsonObjectBody(int maxInitializeBytes) {
            this.maxInitializeBytes = maxInitializeBytes;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) req;
            if (!"POST".equals(http.getMethod())) {
                chain.doFilter(req, res);
                return;
            }
            byte[] body = http.getInputStream().readAllBytes(); // SizeLimitHandler caps it
            String problem = null;
            int code = 0;
            try {
                com.fasterxml.jackson.databind.JsonNode n = Json.MAPPER.readTree(body);
                if (n == null || !n.isObject()) {
                    code = -32600;
                    problem = "Invalid Request: the body must be one JSON-RPC object.";
                } else if ("initialize".equals(n.path("method").asText()) && body.length > maxInitializeBytes) {
                    // each session keeps its initialize parameters for its whole life
                    HttpSessions.refuse((HttpServletResponse) res, 413, -32600, "Invalid Request: an initialize "
                            + "message may be at most " + maxInitializeBytes / 1024 + " KB.");
                    return;
                } else {
                    com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) n;
                    // a session scopes request ids; without one (stateless) each call is its own scope, which
                    // notifications/cancelled cannot name, but a broken stream or shutdown can still stop it
                    String session = http.getHeader("Mcp-Session-Id") != null ? http.getHeader("Mcp-Session-Id")
                            : http.getParameter("sessionId");
                    String scope = session != null && !session.isBlank() ? session
                            : "call-" + java.util.UUID.randomUUID();
                    body = Cancellations.track(o, body, scope);
                    http.setAttribute(HttpSessions.METHOD, o.has("method") ? o.path("method").asText() : "");
                    String key = Cancellations.key(o, scope);
                    if (key != null) {
                        http.setAttribute(HttpSessions.CALL_KEY, key);
                    }
                }
            } catch (IOException e) {
                code = -32700;
                problem = "Parse error: the body is not JSON.";
            }
            if (problem != null) {
                HttpServletResponse r = (HttpServletResponse) res;
                r.setStatus(400);
                r.setContentType("application/json");
                r.getWriter().write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + code + ",\"message\":\""
                        + problem + "\"}}");
                return;
            }
            chain.doFilter(new CachedBody(http, body), res);
        }
    }

    /** The request with its body already read, for the servlet behind the filter. */
    static final class CachedBody extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public java.io.BufferedReader getReader() {
            String cs = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(cs)));
        }
    }
}
