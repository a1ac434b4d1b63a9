package dev.agentos.traces.client;

import java.util.List;

/**
 * AgentOS's pagination envelope. {@code skipped}: items left out because they could not be read, each as
 * {@code "<trace id> (<why>)"} (only when the caller asked to skip them).
 */
public record Page<T>(List<T> data, Meta meta, List<String> skipped) {

    public Page {
        data = List.copyOf(data);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    public Page(List<T> data, Meta meta) {
        this(data, meta, List.of());
    }

    /** {@code searchTimeMs} is for display only; null when absent. */
    public record Meta(int page, int limit, int totalPages, long totalCount, Double searchTimeMs) {

        public boolean hasNext() {
            return Math.max(page, 1) < totalPages;
        }
    }
}
