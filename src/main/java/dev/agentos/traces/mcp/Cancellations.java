package dev.agentos.traces.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.traces.client.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Which tool calls must stop, and why: the client cancelled ({@code notifications/cancelled}), went away
 * (stdin closed, an HTTP stream broke), or the server is shutting down. The SDK does not pass the JSON-RPC
 * request id to a tool, so the stdio guard and the HTTP body filter tag each {@code tools/call} with it in
 * {@code _meta} ({@link #META_KEY}, scoped by session over HTTP) and report cancellations here; a running
 * scan checks between requests.
 */
final class Cancellations {

    static final String META_KEY = "dev.agentos.traces/request-id";
    static final String CANCELLED = "The request was cancelled; no result.";
    static final String SHUTTING_DOWN = "The server is shutting down; call again once it is back.";
    static final String CLIENT_GONE = "The client went away; no result.";
    private static final int MAX_TRACKED = 10_000;
    /** A longer id is not tagged (copying it would make the message longer than the SDK accepts). */
    private static final int MAX_ID_CHARS = 256;
    private static final String RUNNING = "";

    /** request id → "" while running, else why it must stop. Only calls that started are tracked. */
    private static final Map<String, String> CALLS = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_TRACKED;
        }
    };
    /** request id → whether its caller can still read the answer (HTTP: the stream is open). */
    private static final Map<String, BooleanSupplier> LISTENERS = new ConcurrentHashMap<>();

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
                || id.toString().length() > MAX_ID_CHARS || !(n.get("params") instanceof ObjectNode params)) {
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

    /** The key {@link #track} gives a {@code tools/call} with this id, or null for any other message. */
    static String key(ObjectNode n, String scope) {
        JsonNode id = n.get("id");
        return "tools/call".equals(n.path("method").asText("")) && id != null && (id.isTextual() || id.isNumber())
                && id.toString().length() <= MAX_ID_CHARS ? key(scope, id) : null;
    }

    private static String key(String scope, JsonNode id) {
        return scope.isEmpty() ? id.toString() : scope + "#" + id;
    }

    static synchronized void started(String requestId) {
        CALLS.put(requestId, RUNNING);
    }

    static void cancel(String requestId) {
        cancel(requestId, CANCELLED);
    }

    static synchronized void cancel(String requestId, String why) {
        CALLS.replace(requestId, RUNNING, why);
    }

    static boolean isCancelled(String requestId) {
        return reason(requestId) != null;
    }

    /** Why the call must stop, or null while it may go on. */
    static String reason(String requestId) {
        if (requestId == null) {
            return null;
        }
        String why;
        synchronized (Cancellations.class) {
            why = CALLS.get(requestId);
        }
        if (why != null && !why.isEmpty()) {
            return why;
        }
        BooleanSupplier listening = LISTENERS.get(requestId);
        if (why != null && listening != null && !listening.getAsBoolean()) { // outside the lock: it may write
            cancel(requestId, CLIENT_GONE);
            return CLIENT_GONE;
        }
        return null;
    }

    /** While the call runs, {@code listening} says whether anyone can still read its answer. */
    static void listen(String requestId, BooleanSupplier listening) {
        LISTENERS.put(requestId, listening);
    }

    static void unlisten(String requestId) {
        LISTENERS.remove(requestId);
    }

    static synchronized void finished(String requestId) {
        if (requestId != null) {
            CALLS.remove(requestId);
        }
    }

    /** Every running call in {@code scope} (an HTTP session whose stream ended). */
    static synchronized void cancelScope(String scope, String why) {
        String prefix = scope + "#";
        CALLS.replaceAll((k, v) -> k.startsWith(prefix) && v.isEmpty() ? why : v);
    }

    /** stdin closed: nobody waits for any answer. */
    static synchronized void cancelAll() {
        CALLS.replaceAll((k, v) -> v.isEmpty() ? CLIENT_GONE : v);
    }
}
