package dev.agentos.traces.client;

import java.util.List;

/** AgentOS's pagination envelope. */
public record Page<T>(List<T> data, Meta meta) {

    public Page {
        data = List.copyOf(data);
    }

    /** {@code searchTimeMs} is for display only; null when absent. */
    public record Meta(int page, int limit, int totalPages, long totalCount, Double searchTimeMs) {

        public boolean hasNext() {
            return Math.max(page, 1) < totalPages;
        }
    }
}
