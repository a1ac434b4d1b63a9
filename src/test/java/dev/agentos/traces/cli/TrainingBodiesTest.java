package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.traces.testsupport.Fixtures;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The training run's stand-in AgentOS answers with copies of the captured bodies (Training's Javadoc names
 * them): they must stay the fixtures they were copied from, or the archive would be trained on a shape
 * AgentOS never sends.
 */
class TrainingBodiesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> COPIED_FROM = Map.of("list", "traces_limit5_page1.json",
            "detail", "trace_detail_tool_ok.json", "stats", "trace_session_stats.json", "search", "search_no_filter.json");

    @Test
    void everyTrainingBodyIsTheFixtureItWasCopiedFrom() throws Exception {
        JsonNode training;
        try (InputStream in = Training.class.getResourceAsStream("training.json")) {
            training = JSON.readTree(in);
        }
        assertEquals(COPIED_FROM.keySet(), JSON.convertValue(training, Map.class).keySet(), "the routes Training serves");
        for (Map.Entry<String, String> e : COPIED_FROM.entrySet()) {
            JsonNode fixture = JSON.readTree(Fixtures.body(e.getValue()));
            JsonNode body = training.get(e.getKey());
            if (e.getKey().equals("search")) {
                // the one documented change: one page of 100 holding its one trace, so `tokens` reads it once
                ObjectNode meta = (ObjectNode) fixture.get("meta").deepCopy();
                meta.put("limit", 100).put("total_pages", 1).put("total_count", body.get("data").size());
                ((ObjectNode) fixture).set("meta", meta);
            }
            assertEquals(fixture, body, e.getKey() + " differs from " + e.getValue());
        }
    }
}
