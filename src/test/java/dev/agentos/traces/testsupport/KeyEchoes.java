package dev.agentos.traces.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.List;

/**
 * Error replies from an AgentOS (or a proxy) that echo the request's headers: the key planted in every
 * error kind and every place a body can carry it (FastAPI's detail text or list, raw text, past the
 * 300-character clip, the Content-Type header).
 */
public final class KeyEchoes {

    public static final String KEY = "sk-live-0123456789abcdefSECRET";
    public static final String MCP_TOKEN = "mcp-token-0123456789abcdefSECRET";

    /** One way to answer every request. */
    public record Echo(int status, String contentType, String body) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + body.substring(0, Math.min(80, body.length()));
        }
    }

    private KeyEchoes() {
    }

    public static List<Echo> all() {
        List<String> bodies = List.of(
                "{\"detail\":\"rejected header Authorization=Bearer " + KEY + "\"}",
                "{\"detail\":\"unknown key " + KEY + " (token " + MCP_TOKEN + ")\"}",
                "{\"detail\":[{\"loc\":[\"header\",\"authorization\"],\"msg\":\"bad\",\"input\":\"Bearer " + KEY + "\"}]}",
                "headers: {'authorization': 'bearer " + KEY + "', 'user-agent': 'agentos-traces-mcp'}",
                "{\"detail\":\"" + "x".repeat(285) + " " + KEY + "\"}",
                "{\"detail\":\"url-encoded Bearer%20" + KEY + "\"}");
        List<Echo> out = new ArrayList<>();
        for (int status : new int[] {400, 401, 403, 404, 422, 429, 500, 502, 503}) {
            for (String b : bodies) {
                out.add(new Echo(status, b.startsWith("{") ? "application/json" : "text/plain", b));
            }
        }
        out.add(new Echo(200, "text/html; echo=" + KEY, "<html>" + KEY + "</html>"));
        out.add(new Echo(418, "text/plain", "teapot says " + KEY));
        return out;
    }

    public static void serve(WireMockServer server, Echo e) {
        server.resetAll();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(e.status())
                .withHeader("Content-Type", e.contentType()).withBody(e.body())));
    }

    /** The parts of the secrets a reader could use: the whole and any 12 characters in a row. */
    public static boolean leaks(String output) {
        for (String secret : List.of(KEY, MCP_TOKEN)) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                if (output.contains(secret.substring(i, i + 12))) {
                    return true;
                }
            }
        }
        return false;
    }
}
