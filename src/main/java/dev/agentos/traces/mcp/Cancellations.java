package dev.agentos.traces.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which tool calls a client cancelled ({@code notifications/cancelled}). The SDK does not pass the
 * JSON-RPC request id to a tool, so the stdio guard tags each {@code tools/call} with it in
 * {@code _meta} ({@link #META_KEY}) and reports cancellations here; a running scan checks between requests.
 */
final class Cancellations {

    static final String META_KEY = "dev.agentos.traces/request-id";
    private static final int MAX_TRACKED = 10_000;

    /** request id → cancelled? Only calls that started are tracked, so stray notifications cost nothing. */
    private static final Map<String, Boolean> CALLS = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    private Cancellations() {
    }

    static synchronized void started(String requestId) {
        CALLS.put(requestId, Boolean.FALSE);
    }

    static synchronized void cancel(String requestId) {
        CALLS.replace(requestId, Boolean.TRUE);
    }

    static synchronized boolean isCancelled(String requestId) {
        return requestId != null && Boolean.TRUE.equals(CALLS.get(requestId));
    }

    static synchronized void finished(String requestId) {
        if (requestId != null) {
            CALLS.remove(requestId);
        }
    }

    /** stdin closed: nobody waits for any answer. */
    static synchronized void cancelAll() {
        CALLS.replaceAll((k, v) -> Boolean.TRUE);
    }
}
