package dev.agentos.traces.query;

import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.Paging;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of traces in the order asked for. Newest-first is the server's own order (one request);
 * any other order reads up to {@link #SCAN_LIMIT} matching traces and sorts them here.
 */
public final class ListTraces {

    public static final int SCAN_LIMIT = 1000;

    private ListTraces() {
    }

    public record Request(TraceFilter filter, int page, int limit, TraceOrder order, boolean descending) {
    }

    /**
     * @param scanned traces read to sort (0 when the server's order was used)
     * @param scanTruncated more traces matched than {@link #SCAN_LIMIT}: the order holds among those read
     */
    public record Result(List<TraceSummary> traces, int page, int limit, long totalCount, int totalPages,
            TraceOrder order, boolean descending, int scanned, boolean scanTruncated) {

        public boolean hasNext() {
            return page < totalPages;
        }
    }

    public static Result run(AgentOsClient client, Request r) {
        if (r.order() == TraceOrder.START_TIME && r.descending()) {
            Page<TraceSummary> p = client.listTraces(r.filter(), r.page(), r.limit());
            // AgentOS's counts can lie (negative, or fewer than the rows it sent): never below what was shown
            long shownUpTo = (long) (r.page() - 1) * r.limit() + p.data().size();
            long total = Math.max(p.meta().totalCount(), shownUpTo);
            int pages = Math.max(p.meta().totalPages(), p.data().isEmpty() ? 0 : r.page());
            return new Result(p.data(), r.page(), r.limit(), total, pages, r.order(), true, 0, false);
        }
        Paging.Scan<TraceSummary> scan = Paging.scan(
                page -> client.listTraces(r.filter(), page, AgentOsClient.MAX_LIMIT), SCAN_LIMIT);
        List<TraceSummary> sorted = new ArrayList<>(scan.items());
        sorted.sort(r.order().comparator(r.descending()));
        int from = Math.min(sorted.size(), (r.page() - 1) * r.limit());
        int to = Math.min(sorted.size(), from + r.limit());
        int pages = (int) Math.ceil(sorted.size() / (double) r.limit());
        return new Result(List.copyOf(sorted.subList(from, to)), r.page(), r.limit(), scan.totalCount(), pages,
                r.order(), r.descending(), sorted.size(), scan.truncated());
    }
}
