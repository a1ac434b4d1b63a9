package dev.agentos.traces.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.traces.client.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which tool calls a client cancelled ({@code notifications/cancelled}). The SDK does not pass the
 * JSON-RPC request id to a tool, so the stdio guard and the HTTP body filter tag each {@code tools/call} with
 * it in {@code _meta} ({@link #META_KEY}, scoped by session over HTTP) and report cancellations here; a
 * running scan checks between requests.
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

    /**
     * Tags a {@code tools/call} with its request id (within {@code scope}: a session; "" on stdio) and records
     * {@code notifications/cancelled} for that scope. Returns the message to pass on.
     */
    static byte[] track(ObjectNode n, byte[] bytes, String scope) {
        String method = n.path("method").asText("");
        if (method.equals("notifications/cancelled")) {
            JsonNode id = n.path("params").get("requestId");
            if (id != null && (id.isTextual() || id.isNumber())) {
                cancel(key(scope, id));
            }
            return bytes;
        }
        JsonNode id = n.get("id");
        if (!method.equals("tools/call") || id == null || !(id.isTextual() || id.isNumber())
                || !(n.get("params") instanceof ObjectNode params)) {
            return bytes;
        }
        JsonNode meta = params.get("_meta");
        if (meta != null && !meta.isObject()) {
            return bytes; // malformed: the SDK answers it
        }
        ObjectNode m = meta == null ? params.putObject("_meta") : (ObjectNode) meta;
        m.put(META_KEY, key(scope, id));
        started(key(scope, id));
        try {
            return Json.MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            return bytes;
        }
    }

    private static String key(String scope, JsonNode id) {
        return scope.isEmpty() ? id.toString() : scope + "#" + id;
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
