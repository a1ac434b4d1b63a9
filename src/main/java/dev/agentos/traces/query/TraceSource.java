package dev.agentos.traces.query;

import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where a scan reads its traces: the HTTP API ({@link TraceScan}) or, in database mode, AgentOS's own
 * database. Either hands every matching trace, newest first, to a consumer that keeps what it needs and
 * drops the trace, so memory stays flat in the number of traces read.
 */
public interface TraceSource {

    TraceScan.Stats scan(TraceFilter filter, int limit, Instant asOf, ScanControl control, Consumer<TraceDetail> sink);

    /**
     * For failure analyses: a trace with no failed span, no LLM span without output and a status other than
     * ERROR may arrive without its spans (a database then reads the spans of the others only).
     */
    default TraceScan.Stats scanForErrors(TraceFilter filter, int limit, Instant asOf, ScanControl control,
            Consumer<TraceDetail> sink) {
        return scan(filter, limit, asOf, control, sink);
    }

    /**
     * Each trace's token usage beside its summary, newest first. A database answers this from its LLM spans
     * alone, without building trees (the summary then carries no span counts, and the LLM calls no durations).
     */
    default TraceScan.Stats scanTokens(TraceFilter filter, int limit, Instant asOf, ScanControl control,
            BiConsumer<TraceSummary, TokenUsage> sink) {
        return scan(filter, limit, asOf, control, d -> sink.accept(d.summary(), TokenUsage.of(d)));
    }

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
