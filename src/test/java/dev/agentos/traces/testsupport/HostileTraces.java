package dev.agentos.traces.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The real fixtures with terminal attacks planted in every text field a trace carries (span names, errors,
 * model names, inputs, outputs, agent and session ids): clear screen, set title, NUL, BEL, a bidi override.
 */
public final class HostileTraces {

    /** As JSON escapes, so the parsed strings hold the raw characters. */
    static final String ATTACK = "\\u001b[2J\\u001b]0;pwned\\u0007\\u0000\\u202eevil\\u009b31m";
    public static final String TRACE = "16a3d91143cd09bae7f87594b93c261c";

    private HostileTraces() {
    }

    public static String poison(String json) {
        for (String field : new String[] {"name", "error", "output", "input", "model", "agent_id", "session_id",
            "user_id", "tool_name"}) {
            json = json.replace("\"" + field + "\": \"", "\"" + field + "\": \"" + ATTACK);
        }
        return json;
    }

    public static void serve(WireMockServer server) {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/traces")).willReturn(ok(Fixtures.body("traces_list.json"))));
        server.stubFor(get(urlPathMatching("/traces/[0-9a-f]{32}")).atPriority(2)
                .willReturn(ok(Fixtures.body("trace_detail_tool_error.json"))));
        server.stubFor(get(urlPathMatching("/traces/[0-9a-f]{32}")).atPriority(1)
                .withQueryParam("span_id", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"))
                .willReturn(ok(Fixtures.body("span_tool_error.json"))));
        server.stubFor(post(urlPathEqualTo("/traces/search")).willReturn(ok(Fixtures.body("search_all_runs_limit100.json"))));
        server.stubFor(get(urlPathEqualTo("/trace_session_stats")).willReturn(ok(Fixtures.body("trace_session_stats.json"))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(poison(body));
    }

    /** The first character a terminal would act on (or that reorders text), or -1. Our own colours are allowed. */
    public static int firstUnsafe(String out) {
        String s = out.replaceAll("\u001b\\[(?:0|1|2|31|32|33)m", "");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\t' && (c < 0x20 || c >= 0x7f && c <= 0x9f || c >= '\u202a' && c <= '\u202e'
                    || c >= '\u2066' && c <= '\u2069')) {
                return i;
            }
        }
        return -1;
    }
}
