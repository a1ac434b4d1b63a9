package dev.agentos.traces.mcp;

import dev.agentos.traces.query.ScanControl;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool call's progress token and cancellation. Progress goes out as {@code notifications/progress}
 * only when the client sent a {@code progressToken}, at most every 200 ms plus the last one.
 */
final class RequestControl implements ScanControl {

    private static final Logger LOG = LoggerFactory.getLogger(RequestControl.class);
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final McpSyncServerExchange exchange;
    private final Object progressToken;
    private final String requestId;
    private long lastSent;
    private double lastProgress = -1;

    private RequestControl(McpSyncServerExchange exchange, Object progressToken, String requestId) {
        this.exchange = exchange;
        this.progressToken = progressToken;
        this.requestId = requestId;
    }

    static ScanControl of(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Map<String, Object> meta = request == null ? null : request.meta();
        Object token = meta == null ? null : meta.get("progressToken");
        Object id = meta == null ? null : meta.get(Cancellations.META_KEY);
        if ((token == null || exchange == null) && id == null) {
            return ScanControl.NONE;
        }
        return new RequestControl(token == null ? null : exchange, token, id == null ? null : id.toString());
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (exchange == null || progressToken == null || done <= lastProgress) {
            return; // progress must increase
        }
        long now = System.nanoTime();
        boolean last = total > 0 && done >= total;
        if (!last && lastSent != 0 && now - lastSent < MIN_INTERVAL_NANOS) {
            return;
        }
        lastSent = now;
        lastProgress = done;
        try {
            exchange.progressNotification(McpSchema.ProgressNotification.builder(progressToken, (double) done)
                    .total(total > 0 ? (double) total : null)
                    .message(total > 0 ? done + " of " + total + " traces read" : null).build());
        } catch (RuntimeException e) {
            LOG.debug("progress notification not sent", e); // the client may be gone; the scan goes on
        }
    }

    /** Not throttled: callers report only the events worth a line (a run's steps, not its tokens). */
    @Override
    public synchronized void event(long n, String message) {
        if (exchange == null || progressToken == null || n <= lastProgress) {
            return;
        }
        lastProgress = n;
        try {
            exchange.progressNotification(McpSchema.ProgressNotification.builder(progressToken, (double) n)
                    .message(message).build());
        } catch (RuntimeException e) {
            LOG.debug("progress notification not sent", e);
        }
    }

    @Override
    public boolean cancelled() {
        return Cancellations.isCancelled(requestId);
    }

    @Override
    public void check() {
        String why = Cancellations.reason(requestId);
        if (why != null) {
            throw new Cancelled(why); // cancelled, the client gone, or the server shutting down
        }
    }

    void finished() {
        Cancellations.finished(requestId);
    }
}
