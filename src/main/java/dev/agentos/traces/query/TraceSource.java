package dev.agentos.traces.query;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where a scan reads its traces: the HTTP API ({@link TraceScan}) or, in database mode, AgentOS's own
 * database. Either hands every matching trace, newest first, to a consumer that keeps what it needs and
 * drops the trace, so memory stays flat in the number of traces read.
 */
public interface TraceSource {

    TraceScan.Stats scan(TraceFilter filter, int limit, Instant asOf, ScanControl control, Consumer<TraceDetail> sink);

    /** The database when {@code --database-url} is set, else the HTTP API. */
    static TraceSource of(AgentOsClient client) {
        if (client.options().database() != null) {
            return dev.agentos.traces.db.TraceDatabase.of(client.options()).source();
        }
        return api(client);
    }

    static TraceSource api(AgentOsClient client) {
        return (filter, limit, asOf, control, sink) -> TraceScan.scan(client, filter, limit, asOf, control, sink);
    }
}
