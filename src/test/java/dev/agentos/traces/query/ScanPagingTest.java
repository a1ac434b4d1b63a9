package dev.agentos.traces.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.TokensView;
import dev.agentos.traces.testsupport.SyntheticAgentOs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 items 10, 11 and 18: every trace counted once, a scan that ends, and answers that say what happened. */
class ScanPagingTest {

    static final long TOKENS = 103; // each synthetic trace: 79 input + 24 output

    static TokenQuery.Result scan(SyntheticAgentOs os, int max) {
        return TokenQuery.overFilter(os.client(), TraceFilter.NONE, max, Instant.parse("2026-11-24T00:00:00Z"),
                ScanControl.NONE);
    }

    static String text(TokenQuery.Result r) {
        return TokensView.text(r, TraceFilter.NONE, null, Hints.MCP);
    }

    @Test
    void aPageServedForeverIsCountedOnceAndTheScanStops() {
        List<ObjectNode> thirty = SyntheticAgentOs.traces(30);
        SyntheticAgentOs os = new SyntheticAgentOs((page, limit, n) -> SyntheticAgentOs.page(thirty, page, limit, 3000, 30));
        TokenQuery.Result r = scan(os, 10_000);
        assertEquals(30, r.totals().tracesRead());
        assertEquals(30 * TOKENS, r.totals().totalTokens());
        assertEquals(1, os.requests.get(), "a short page (30 of 100) is the last: " + os.asked);
        assertFalse(r.truncated());

        // the same full page forever: the second copy repeats every row, and the scan stops there
        List<ObjectNode> hundred = SyntheticAgentOs.traces(100);
        SyntheticAgentOs loop = new SyntheticAgentOs((page, limit, n) -> SyntheticAgentOs.page(hundred, page, limit, 3000, 30));
        TokenQuery.Result again = scan(loop, 10_000);
        assertEquals(100, again.totals().tracesRead());
        assertEquals(100 * TOKENS, again.totals().totalTokens());
        assertEquals(2, loop.requests.get(), loop.asked::toString);
        String t = text(again);
        assertTrue(t.contains("Note: AgentOS's pages repeated 100 traces (counted once)."), t);
        assertTrue(t.contains("Note: AgentOS sent page 2 again with only traces already read; the scan stopped there."), t);
        assertEquals(List.of("AgentOS's pages repeated 100 traces (counted once)",
                "AgentOS sent page 2 again with only traces already read; the scan stopped there"),
                TokensView.structured(again, TraceFilter.NONE, null).get("notes"));
    }

    @Test
    void rowsShiftedByTracesWrittenDuringTheScanAreCountedOnce() {
        // 150 traces; after page 1 is read, 5 new runs arrive at the top, pushing rows 95..99 onto page 2
        List<ObjectNode> before = SyntheticAgentOs.traces(150);
        List<ObjectNode> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(SyntheticAgentOs.trace(1000 + i, Instant.parse("2026-11-23T23:30:00Z").plusSeconds(i)));
        }
        after.addAll(before);
        SyntheticAgentOs os = new SyntheticAgentOs((page, limit, n) -> SyntheticAgentOs.slice(n == 1 ? before : after, page, limit));
        TokenQuery.Result r = scan(os, 10_000);
        assertEquals(150, r.totals().tracesRead(), os.asked::toString);
        assertEquals(150 * TOKENS, r.totals().totalTokens());
        assertFalse(r.truncated());
        assertTrue(text(r).contains("Note: AgentOS's pages repeated 5 traces (counted once)."), text(r));

        // a trace newer than the first page's newest, met on a later page, started after the scan began
        List<ObjectNode> odd = new ArrayList<>(before);
        odd.set(120, SyntheticAgentOs.trace(2000, Instant.parse("2026-11-23T23:59:00Z")));
        SyntheticAgentOs late = new SyntheticAgentOs((page, limit, n) -> SyntheticAgentOs.slice(odd, page, limit));
        TokenQuery.Result l = scan(late, 10_000);
        assertEquals(149, l.totals().tracesRead());
        assertTrue(text(l).contains("Note: 1 trace started after the scan began and was left out."), text(l));
    }

    @Test
    void aTotalCountThatLiesIsNotRepeated() {
        List<ObjectNode> three = SyntheticAgentOs.traces(3);
        SyntheticAgentOs high = new SyntheticAgentOs((page, limit, n) -> SyntheticAgentOs.page(three, page, limit, 5, 1));
        TokenQuery.Result r = scan(high, 10_000);
        String t = text(r);
        assertTrue(t.startsWith("Tokens over 3 traces (every trace): "), t);
        assertFalse(t.contains("the newest 3 of 5"), t);
        assertFalse(r.truncated());
        assertEquals(3, r.matching());
        assertTrue(t.contains("Note: AgentOS said 5 traces match, but its pages held 3."), t);

        SyntheticAgentOs negative = new SyntheticAgentOs((page, limit, n) -> SyntheticAgentOs.page(three, page, limit, -5, -1));
        TokenQuery.Result neg = scan(negative, 10_000);
        assertEquals(3, neg.matching());
        assertTrue(text(neg).startsWith("Tokens over 3 traces (every trace): "), text(neg));

        // the limit does cut a real scan short: then AgentOS's count is what matches
        List<ObjectNode> many = SyntheticAgentOs.traces(250);
        SyntheticAgentOs big = new SyntheticAgentOs((page, limit, n) -> SyntheticAgentOs.slice(many, page, limit));
        TokenQuery.Result cut = scan(big, 120);
        assertTrue(cut.truncated());
        assertEquals(250, cut.matching());
        assertTrue(text(cut).startsWith("Tokens over 120 traces (the newest 120 of 250): "), text(cut));
    }

    @Test
    void largeTracesAreReadInSmallerPagesFromTheSameRow() {
        // Issue 14 item 8: a page of 100 (or 50) is past the size cap or the heap; 25 at a time fits
        List<ObjectNode> all = SyntheticAgentOs.traces(260);
        SyntheticAgentOs os = new SyntheticAgentOs((page, limit, n) -> {
            if (limit == 100) {
                throw new dev.agentos.traces.client.HttpTransport.BodyTooLargeException(1);
            }
            if (limit == 50) {
                throw new OutOfMemoryError("Java heap space");
            }
            return SyntheticAgentOs.slice(all, page, limit);
        });
        TokenQuery.Result r = scan(os, 10_000);
        assertEquals(260, r.totals().tracesRead(), os.asked::toString);
        assertEquals(260 * TOKENS, r.totals().totalTokens());
        assertEquals(List.of("POST /traces/search page=1 limit=100", "POST /traces/search page=1 limit=50"),
                os.asked.subList(0, 2));
        assertTrue(os.asked.subList(2, os.asked.size()).stream().allMatch(a -> a.endsWith("limit=25")), os.asked::toString);
        assertEquals(2 + 11, os.asked.size(), os.asked::toString);

        // a page that fails after some were read: the smaller pages start at the row where it stopped
        SyntheticAgentOs later = new SyntheticAgentOs((page, limit, n) -> {
            if (limit == 100 && page == 2) {
                throw new dev.agentos.traces.client.HttpTransport.BodyTooLargeException(1);
            }
            return SyntheticAgentOs.slice(all, page, limit);
        });
        TokenQuery.Result l = scan(later, 10_000);
        assertEquals(260, l.totals().tracesRead(), later.asked::toString);
        assertEquals("POST /traces/search page=3 limit=50", later.asked.get(2), later.asked::toString);
        assertFalse(text(l).contains("Note:"), text(l));
    }

    @Test
    void anUnreadableTraceIsSkippedCountedAndNamed() {
        List<ObjectNode> ten = SyntheticAgentOs.traces(10);
        ten.get(3).put("total_spans", "4");
        ten.get(6).put("start_time", "yesterday-ish");
        SyntheticAgentOs os = new SyntheticAgentOs((page, limit, n) -> SyntheticAgentOs.slice(ten, page, limit));
        TokenQuery.Result r = scan(os, 10_000);
        assertEquals(8, r.totals().tracesRead());
        assertEquals(8 * TOKENS, r.totals().totalTokens());
        String t = text(r);
        assertTrue(t.contains("Note: 2 traces could not be read and were skipped, e.g. 00000000000000000000000000000004 "
                + "(expected 'total_spans' to be an integer); 00000000000000000000000000000007 (expected 'start_time' to "
                + "be an ISO 8601 timestamp)."), t);
        assertFalse(t.contains("AgentOS said"), "skipped traces are part of the count: " + t);

        // without POST /traces/search: a list row and a trace's own reply that cannot be read
        List<ObjectNode> rows = SyntheticAgentOs.traces(10);
        java.util.Map<String, ObjectNode> byId = new java.util.HashMap<>();
        rows.forEach(x -> byId.put(x.get("trace_id").asText(), x.deepCopy()));
        rows.get(2).put("start_time", "yesterday-ish"); // the list row
        byId.get(rows.get(5).get("trace_id").asText()).put("total_spans", "4"); // the trace itself
        SyntheticAgentOs list = new SyntheticAgentOs((page, limit, n) -> SyntheticAgentOs.slice(rows, page, limit), byId);
        TokenQuery.Result f = scan(list, 10_000);
        assertFalse(f.usedSearch());
        assertEquals(8, f.totals().tracesRead(), list.asked::toString);
        assertTrue(text(f).contains("Note: 2 traces could not be read and were skipped, e.g. "), text(f));
        assertTrue(text(f).contains("00000000000000000000000000000003 (expected 'start_time' to be an ISO 8601 timestamp)")
                && text(f).contains("00000000000000000000000000000006 (expected 'total_spans' to be an integer)"), text(f));
    }
}
