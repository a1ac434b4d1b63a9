package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Issue 14 items 14 and 18: the page bound holds whatever AgentOS sends, and its counts never read as nonsense. */
class ListBoundTest extends CliTestBase {

    void serveList(int rows, long totalCount, int totalPages) {
        ObjectNode page = (ObjectNode) fixture("traces_list.json").deepCopy();
        ArrayNode data = (ArrayNode) page.get("data");
        JsonNode first = data.get(0);
        data.removeAll();
        for (int i = 0; i < rows; i++) {
            data.add(((ObjectNode) first.deepCopy()).put("trace_id", String.format("%032x", i + 1)));
        }
        ((ObjectNode) page.get("meta")).put("total_count", totalCount).put("total_pages", totalPages);
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/traces")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page.toString())));
    }

    @Test
    void fiveAskedIsFiveShownWhenAgentOsSendsFourThousand() {
        serveList(4001, 4001, 801);
        CliRun.Result r = ok("list", "--limit", "5");
        assertEquals(5, listedIds(r.out()).size(), r::toString);
        assertTrue(r.out().lines().count() < 12, r::toString);
        assertEquals(5, json(ok("list", "--limit", "5", "--json").out()).get("traces").size());
    }

    @Test
    void aNegativeOrLowTotalCountIsRaisedToWhatWasShown() {
        serveList(3, -5, -1);
        String out = ok("list", "--limit", "3").out();
        assertTrue(out.startsWith("Traces 1-3 of 3, page 1/1"), out);
        serveList(3, 1, 1);
        out = ok("list", "--limit", "3").out();
        assertTrue(out.startsWith("Traces 1-3 of 3, page 1/1"), out);
    }
}
