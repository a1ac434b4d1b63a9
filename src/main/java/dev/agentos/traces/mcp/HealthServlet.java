package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.Json;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Open (no auth): the server is up; whether AgentOS answers is a field, so balancers keep replicas. The same
 * Host/Origin check as /mcp (DNS rebinding); AgentOS's address and its error only for a caller who may use /mcp
 * (the token when one is set; on a loopback bind without one, anyone who may use /mcp);
 * AgentOS is asked at most once per {@link #PROBE_TTL_NANOS}, however often this is called.
 */
final class HealthServlet extends HttpServlet {
    static final long PROBE_TTL_NANOS = 5_000_000_000L;
    private final transient AgentOsClient probe;
    private final String baseUrl;
    private final transient DefaultServerTransportSecurityValidator validator;
    private final transient HttpServer.BearerAuth auth;
    private final boolean openLoopback;
    private transient Map<String, Object> last;
    private long lastAt;

    HealthServlet(ConnectionOptions conn, DefaultServerTransportSecurityValidator validator, String authToken,
            boolean loopback) {
        ConnectionOptions quick = ConnectionOptions.resolve(conn.baseUrl().toString(), null, Duration.ofSeconds(2),
                Duration.ofSeconds(3), conn.defaultDbId(), Map.of());
        this.probe = AgentOsClient.create(new ConnectionOptions(quick.baseUrl(), conn.securityKey(),
                quick.connectTimeout(), quick.requestTimeout(), quick.defaultDbId(), 1024 * 1024, 1, conn.redact()));
        this.baseUrl = conn.baseUrl().toString();
        this.validator = validator;
        this.auth = authToken == null ? null : new HttpServer.BearerAuth(authToken);
        this.openLoopback = authToken == null && loopback;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        try {
            validator.validateHeaders(headers);
        } catch (ServerTransportSecurityException e) {
            res.sendError(e.getStatusCode(), e.getMessage());
            return;
        }
        Map<String, Object> agentOs = new LinkedHashMap<>(agentOs());
        if (auth != null ? auth.accepts(req) : openLoopback) {
            agentOs.put("url", baseUrl);
        } else {
            agentOs.remove("error"); // it names the address
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("agentos", agentOs);
        res.setStatus(200);
        res.setContentType("application/json");
        res.getWriter().write(Json.MAPPER.writeValueAsString(body));
    }

    /** The last probe's result if recent, else a new one (callers meanwhile wait for it, not ask again). */
    private synchronized Map<String, Object> agentOs() {
        if (last != null && System.nanoTime() - lastAt < PROBE_TTL_NANOS) {
            return last;
        }
        Map<String, Object> agentOs = new LinkedHashMap<>();
        try {
            probe.filterSchema(null); // static and cheap, and it needs the key like every traces route
            agentOs.put("reachable", true);
            agentOs.put("traces_api", "ok");
        } catch (AgentOsException.Unreachable | AgentOsException.Timeout e) {
            agentOs.put("reachable", false);
            agentOs.put("error", e.getMessage());
        } catch (AgentOsException e) {
            agentOs.put("reachable", true);
            agentOs.put("traces_api", "error");
            agentOs.put("error", e.getMessage());
        }
        last = agentOs;
        lastAt = System.nanoTime();
        return agentOs;
    }
}
