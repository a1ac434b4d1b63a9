package dev.agentos.traces.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves the captured AgentOS bodies over WireMock, each for exactly the request INDEX.txt says
 * produced it. Parameters the capture did not send must be absent (page/limit may carry their
 * defaults), so a client that sends a wrong or extra filter gets no match (404 from WireMock).
 */
public final class AgentOsStub {

    public static final String KEY = "test-secret";

    private static final List<String> LIST_PARAMS = List.of("run_id", "session_id", "user_id", "agent_id", "team_id",
            "workflow_id", "status", "start_time", "end_time", "db_id", "span_id");
    private static final Map<String, String> DEFAULTS = Map.of("page", "1", "limit", "20");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentOsStub() {
    }

    /** The open server (no security key): every fixture but the auth/ ones. */
    public static void open(WireMockServer server) {
        register(server, false);
    }

    /** The server restarted with OS_SECURITY_KEY=test-secret: the auth/ fixtures. */
    public static void secured(WireMockServer server) {
        register(server, true);
    }

    private static void register(WireMockServer server, boolean auth) {
        Set<String> seen = new HashSet<>();
        for (Fixtures.Entry e : Fixtures.index()) {
            if (e.authSection() != auth) {
                continue;
            }
            String key = e.method() + " " + e.pathAndQuery() + " " + e.body() + " " + e.authorization();
            if (!seen.add(key)) {
                continue; // a repeated capture of the same request: the first one serves
            }
            server.stubFor(mapping(e));
        }
    }

    private static MappingBuilder mapping(Fixtures.Entry e) {
        String pq = e.pathAndQuery();
        int q = pq.indexOf('?');
        String path = q < 0 ? pq : pq.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String kv : pq.substring(q + 1).split("&")) {
                String[] p = kv.split("=", 2);
                query.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
            }
        }
        MappingBuilder m = request(e.method(), urlPathEqualTo(path));
        for (Map.Entry<String, String> p : query.entrySet()) {
            m = m.withQueryParam(p.getKey(), equalTo(p.getValue()));
        }
        if (!path.equals("/traces/search")) {
            for (String name : LIST_PARAMS) {
                if (!query.containsKey(name)) {
                    m = m.withQueryParam(name, absent());
                }
            }
            boolean paged = path.equals("/traces") || path.equals("/trace_session_stats");
            for (Map.Entry<String, String> d : DEFAULTS.entrySet()) {
                if (!query.containsKey(d.getKey())) {
                    m = m.withQueryParam(d.getKey(), paged ? absentOr(d.getValue()) : absent());
                }
            }
        } else {
            m = m.withRequestBody(equalToJson(normalizedSearchBody(e.body())));
        }
        if (e.authorization() != null) {
            m = m.withHeader("Authorization", e.authorization().equals("(none)") ? absent() : equalTo(e.authorization()));
        }
        return m.willReturn(aResponse().withStatus(e.status()).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.body(e.file())));
    }

    private static StringValuePattern absentOr(String value) {
        return equalTo(value).or(absent());
    }

    /** The body with the server's defaults filled in, as our client always sends them. */
    private static String normalizedSearchBody(String body) {
        try {
            ObjectNode n = body == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(body);
            if (!n.has("group_by")) {
                n.put("group_by", "run");
            }
            if (!n.has("page")) {
                n.put("page", 1);
            }
            if (!n.has("limit")) {
                n.put("limit", 20);
            }
            JsonNode f = n.get("filter");
            if (f != null && f.isNull()) {
                n.remove("filter");
            }
            return JSON.writeValueAsString(n);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
