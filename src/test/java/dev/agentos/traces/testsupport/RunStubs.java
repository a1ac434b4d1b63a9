package dev.agentos.traces.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Serves the discovery, run and trace fixtures of {@code agentos-2.9.0/runs/} (captured from a real AgentOS with
 * agents, a team and a workflow): each body for the request runs/INDEX.txt says produced it. Run requests match
 * on their form fields. {@code GET /traces?run_id=} answers with that run's row of {@code traces_after_runs.json}
 * (the capture has one such page; the others are the same rows, filtered here).
 */
public final class RunStubs {

    public static final String DIR = "runs/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunStubs() {
    }

    public static String body(String file) {
        return Fixtures.body(DIR + file);
    }

    public static JsonNode json(String file) {
        try {
            return JSON.readTree(body(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Discovery, every trace, the trace list and the run-id lookups. Runs are stubbed by each test. */
    public static void discoveryAndTraces(WireMockServer s) {
        s.stubFor(get(urlPathEqualTo("/config")).willReturn(json200("config.json")));
        s.stubFor(get(urlPathEqualTo("/agents")).willReturn(json200("agents.json")));
        s.stubFor(get(urlPathEqualTo("/teams")).willReturn(json200("teams.json")));
        s.stubFor(get(urlPathEqualTo("/workflows")).willReturn(json200("workflows.json")));
        for (String f : new String[] {"trace_report_workflow_1.json", "trace_report_workflow_2.json",
                "trace_support_team_1.json", "trace_math_agent_1.json", "trace_math_agent_2.json",
                "trace_ops_agent_1.json", "trace_math_agent_3.json", "trace_math_agent_4.json"}) {
            s.stubFor(get(urlPathEqualTo("/traces/" + json(f).get("trace_id").asText())).willReturn(json200(f)));
        }
        s.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("run_id", absent()).withQueryParam("agent_id", absent())
                .withQueryParam("team_id", absent()).withQueryParam("workflow_id", absent())
                .willReturn(json200("traces_after_runs.json")));
        JsonNode all = json("traces_after_runs.json");
        for (JsonNode row : all.get("data")) {
            s.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("run_id", equalTo(row.get("run_id").asText()))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page(row).toString())));
        }
        for (String field : new String[] {"agent_id", "team_id", "workflow_id"}) {
            Map<String, ArrayNode> byId = new java.util.LinkedHashMap<>();
            for (JsonNode row : all.get("data")) {
                if (row.has(field)) {
                    byId.computeIfAbsent(row.get(field).asText(), k -> JSON.createArrayNode()).add(row);
                }
            }
            for (Map.Entry<String, ArrayNode> e : byId.entrySet()) {
                s.stubFor(get(urlPathEqualTo("/traces")).withQueryParam(field, equalTo(e.getKey()))
                        .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                .withBody(page(e.getValue()).toString())));
            }
        }
    }

    /** A page of rows, with the meta block the real list answers carry. */
    static ObjectNode page(JsonNode rows) {
        ObjectNode p = JSON.createObjectNode();
        ArrayNode data = rows.isArray() ? (ArrayNode) rows : JSON.createArrayNode().add(rows);
        p.set("data", data);
        ObjectNode meta = p.putObject("meta");
        meta.put("page", 1).put("limit", 20).put("total_pages", 1).put("total_count", data.size());
        return p;
    }

    /**
     * {@code POST /{route}/{id}/runs} with these form fields (and stream=true) answered by an event-stream fixture.
     * Each value must be the one the capture sent.
     */
    public static MappingBuilder run(String route, String id, Map<String, String> form) {
        MappingBuilder m = post(urlPathEqualTo("/" + route + "/" + id + "/runs")).withFormParam("stream", equalTo("true"));
        for (Iterator<Map.Entry<String, String>> it = form.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            m = m.withFormParam(e.getKey(), equalTo(e.getValue()));
        }
        return m;
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String file) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream; charset=utf-8").withBody(body(file));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json200(String file) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body(file));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(file));
    }

    /** {@code POST /{route}/{id}/runs/{run_id}/cancel} answering {} as AgentOS does. */
    public static MappingBuilder cancel(String route, String id, String runId) {
        return request("POST", urlPathEqualTo("/" + route + "/" + id + "/runs/" + runId + "/cancel"));
    }
}
