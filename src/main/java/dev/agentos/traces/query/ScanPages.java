package dev.agentos.traces.query;

import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks AgentOS's pages for a scan so that every trace counts once and the walk ends, whatever the pages
 * hold. Pages are newest first, so traces written during a scan shift older rows onto the next page: the
 * window is frozen at the newest trace of the first page (AgentOS's own clock), later arrivals are left
 * out, and rows seen before are not counted again. The walk stops on an empty, short or repeated page,
 * when AgentOS's {@code total_count} (as of the first page) is reached, or on its last page; it says when
 * the paging looked inconsistent. Unreadable traces a page skipped are counted and named.
 */
final class ScanPages {

    static final int NAMED = 5;

    private final Set<String> seen = new HashSet<>();
    private Instant frozenAt;
    private long frozenTotal = -1;
    private int pages;
    private int accepted;
    private int duplicates;
    private int arrivedLater;
    private int skipped;
    private final List<String> skippedNames = new ArrayList<>();
    private boolean repeatedPage;
    private boolean ended;
    private boolean cut;

    /**
     * The traces of this page not seen before and inside the frozen window, in page order.
     *
     * @param asked the page size asked for (a page with fewer rows is the last)
     */
    synchronized <T> List<T> fresh(Page<T> p, Function<T, TraceSummary> summary, int asked) {
        pages++;
        if (frozenTotal < 0) {
            frozenTotal = Math.max(0, p.meta().totalCount());
        }
        for (String s : p.skipped()) {
            skipped++;
            if (skippedNames.size() < NAMED) {
                skippedNames.add(s);
            }
        }
        List<T> out = new ArrayList<>(p.data().size());
        Instant newest = null;
        int repeated = 0;
        for (T item : p.data()) {
            TraceSummary s = summary.apply(item);
            if (!seen.add(s.traceId())) {
                repeated++;
                continue;
            }
            if (frozenAt != null && s.startTime() != null && s.startTime().isAfter(frozenAt)) {
                arrivedLater++;
                continue;
            }
            if (s.startTime() != null && (newest == null || s.startTime().isAfter(newest))) {
                newest = s.startTime();
            }
            out.add(item);
        }
        if (frozenAt == null && pages == 1) {
            frozenAt = newest;
        }
        accepted += out.size();
        duplicates += repeated;
        int rows = p.data().size() + p.skipped().size();
        repeatedPage = rows > 0 && repeated == rows;
        ended = rows == 0 || repeatedPage || rows < asked || !p.meta().hasNext()
                || frozenTotal > 0 && accepted + skipped >= frozenTotal;
        return out;
    }

    /** A trace the page listed but whose own reply could not be read (fetched concurrently). */
    synchronized void unreadable(String traceId, String reason) {
        skipped++;
        if (skippedNames.size() < NAMED) {
            skippedNames.add(traceId + " (" + reason + ")");
        }
    }

    /** The scan's limit left fresh traces unread. */
    synchronized void cutShort() {
        cut = true;
    }

    synchronized boolean cut() {
        return cut;
    }

    /** Whether the last page was the last one to read. */
    synchronized boolean ended() {
        return ended;
    }

    /** AgentOS's count as of the first page (0 when it gave none). */
    synchronized long total() {
        return Math.max(0, frozenTotal);
    }

    /** What the walk saw that the answer should say, as one value. */
    synchronized ScanNotes notes(boolean stoppedByLimit) {
        String paging = null;
        if (repeatedPage) {
            paging = "AgentOS sent page " + pages + " again with only traces already read; the scan stopped there";
        } else if (!stoppedByLimit && frozenTotal > 0 && accepted + skipped != frozenTotal) {
            paging = "AgentOS said " + frozenTotal + " traces match, but its pages held " + (accepted + skipped);
        }
        return new ScanNotes(duplicates, arrivedLater, skipped, List.copyOf(skippedNames), paging);
    }
}
