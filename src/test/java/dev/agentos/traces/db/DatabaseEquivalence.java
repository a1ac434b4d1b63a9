package dev.agentos.traces.db;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.mcp.ToolCalls;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.query.TraceSource;
import dev.agentos.traces.testsupport.AgnoDb;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same traces read through the HTTP API (WireMock serving AgentOS's own answers for them) and
 * straight from the database that AgentOS wrote them to: every scan-based tool must answer the same.
 */
final class DatabaseEquivalence {

    private DatabaseEquivalence() {
    }

    /** Arguments every scan-based tool is called with, API and database alike. */
    static final List<Map<String, Object>> SCANS = List.of(
            Map.of("tool", "total_tokens"),
            Map.of("tool", "total_tokens", "group_by", "model"),
            Map.of("tool", "total_tokens", "group_by", "agent"),
            Map.of("tool", "total_tokens", "group_by", "user"),
            Map.of("tool", "total_tokens", "group_by", "session"),
            Map.of("tool", "total_tokens", "group_by", "day"),
            Map.of("tool", "total_tokens", "max_traces", 2),
            Map.of("tool", "token_cost"),
            Map.of("tool", "find_errors"),
            Map.of("tool", "find_errors", "max_traces", 1),
            Map.of("tool", "slow_spans"),
            Map.of("tool", "slow_spans", "max_traces", 2, "top", 3));

    /** Runs every scan through both and asserts equal structured answers; returns how many were compared. */
    static int assertSameAnswers(String backEnd, ConnectionOptions dbOptions) {
        WireMockServer server = Stubs.open();
        try {
            server.stubFor(post(urlPathEqualTo("/traces/search")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(AgnoDb.searchPage(AgnoDb.apiDetails(backEnd)))));
            AgentOsClient api = Stubs.client(server);
            AgentOsClient db = AgentOsClient.create(dbOptions);
            int n = 0;
            for (Map<String, Object> scan : SCANS) {
                Map<String, Object> args = new LinkedHashMap<>(scan);
                String tool = (String) args.remove("tool");
                CallToolResult a = ToolCalls.call(tool, api, args);
                CallToolResult d = ToolCalls.call(tool, db, args);
                assertFalse(Boolean.TRUE.equals(a.isError()), tool + " via API: " + ToolCalls.text(a));
                assertFalse(Boolean.TRUE.equals(d.isError()), tool + " via database: " + ToolCalls.text(d));
                JsonNode fromApi = comparable(a);
                JsonNode fromDb = comparable(d);
                assertEquals(fromApi.toPrettyString(), fromDb.toPrettyString(), tool + " " + args + " on " + backEnd);
                assertTrue(ToolCalls.text(d).contains("read from the " + dbOptions.database().label() + " database"),
                        ToolCalls.text(d));
                n++;
            }
            return n;
        } finally {
            server.stop();
        }
    }

    /** The structured answer without what differs by design: how the traces were read (and so the text's size). */
    static JsonNode comparable(CallToolResult r) {
        JsonNode n = Json.MAPPER.valueToTree(r.structuredContent());
        strip(n);
        return n;
    }

    private static void strip(JsonNode n) {
        if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.remove(List.of("requests", "used_search", "database", "_meta")); // _meta: the size of a text that says how it read
            o.forEach(DatabaseEquivalence::strip);
        } else if (n.isArray()) {
            n.forEach(DatabaseEquivalence::strip);
        }
    }

    /** Every trace from the database, as the scan hands it on. */
    static List<TraceDetail> scanAll(ConnectionOptions dbOptions) {
        List<TraceDetail> out = new ArrayList<>();
        TraceScan.Stats s = TraceSource.of(AgentOsClient.create(dbOptions)).scan(TraceFilter.NONE, 1000, Instant.now(),
                ScanControl.NONE, out::add);
        assertEquals(out.size(), s.read());
        return out;
    }

    /** A trace as the analyses see it, field by field (inputs and span outputs' text are not read from the database). */
    static Map<String, Object> fields(TraceDetail d) {
        Map<String, Object> m = new LinkedHashMap<>();
        var s = d.summary();
        m.put("trace_id", s.traceId());
        m.put("name", s.name());
        m.put("status", s.status());
        m.put("duration", s.durationText());
        m.put("start", s.startTime());
        m.put("end", s.endTime());
        m.put("total_spans", s.totalSpans());
        m.put("error_count", s.errorCount());
        m.put("ids", List.of(String.valueOf(s.runId()), String.valueOf(s.sessionId()), String.valueOf(s.userId()),
                String.valueOf(s.agentId()), String.valueOf(s.teamId()), String.valueOf(s.workflowId())));
        m.put("created_at", s.createdAt());
        m.put("output", d.output());
        m.put("error", d.error());
        List<Object> tree = new ArrayList<>();
        d.tree().forEach(n -> tree.add(node(n)));
        m.put("tree", tree);
        return m;
    }

    private static Map<String, Object> node(TraceNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("name", n.name());
        m.put("type", n.type());
        m.put("status", n.status());
        m.put("duration", n.durationText());
        m.put("start", n.startTime());
        m.put("end", n.endTime());
        m.put("has_output", n.output() != null);
        m.put("error", n.error());
        m.put("model", n.model());
        m.put("tool_name", n.toolName());
        m.put("input_tokens", n.inputTokens());
        m.put("output_tokens", n.outputTokens());
        m.put("total_input_tokens", n.totalInputTokens());
        m.put("total_output_tokens", n.totalOutputTokens());
        List<Object> kids = new ArrayList<>();
        n.spans().forEach(c -> kids.add(node(c)));
        m.put("spans", kids);
        return m;
    }
}
