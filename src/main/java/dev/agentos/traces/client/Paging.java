package dev.agentos.traces.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Reads page after page, up to a bound, and says whether the bound cut it short. */
public final class Paging {

    private Paging() {
    }

    /** What a bounded scan read. {@code totalCount} is the server's count of matching items. */
    public record Scan<T>(List<T> items, long totalCount, int pagesRead, boolean truncated) {
    }

    public static <T> Scan<T> scan(IntFunction<Page<T>> fetchPage, int maxItems) {
        List<T> items = new ArrayList<>();
        long total = 0;
        int page = 1;
        int pages = 0;
        while (true) {
            Page<T> p = fetchPage.apply(page);
            pages++;
            total = Math.max(total, p.meta().totalCount());
            for (T t : p.data()) {
                if (items.size() >= maxItems) {
                    return new Scan<>(items, total, pages, true);
                }
                items.add(t);
            }
            if (p.data().isEmpty() || !p.meta().hasNext()) {
                return new Scan<>(items, total, pages, false);
            }
            if (items.size() >= maxItems) {
                return new Scan<>(items, total, pages, items.size() < total);
            }
            page++;
        }
    }
}
