package dev.agentos.traces.jmh;

import dev.agentos.traces.analysis.ErrorGroups;
import dev.agentos.traces.analysis.SpanLatency;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.HttpTransport;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.RetryPolicy;
import dev.agentos.traces.client.TraceDetail;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One page of {@code POST /traces/search} (100 full traces, 800 spans, ~1 MB of JSON) through the client's
 * parser and into the aggregations, with the HTTP stack replaced by the bytes: what a 10,000-trace scan
 * does 100 times. Spans per second = 800 / (time per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AggregateBench {

    AgentOsClient client;

    @Setup
    public void setUp() throws Exception {
        byte[] page = Traces.searchPage(100);
        HttpTransport bytes = r -> new HttpTransport.Response(200, page, "application/json", null);
        client = new AgentOsClient(ConnectionOptions.resolve("http://bench.invalid", null, null, null, null, Map.of()),
                bytes, RetryPolicy.NEVER);
    }

    @Benchmark
    public long parseAndSumTokens() {
        Page<TraceDetail> p = client.searchRuns(null, 1, 100, null);
        long total = 0;
        for (TraceDetail d : p.data()) {
            total += TokenUsage.of(d).totalTokens();
        }
        return total;
    }

    @Benchmark
    public Object parseAndGroupErrorsAndLatency() {
        Page<TraceDetail> p = client.searchRuns(null, 1, 100, null);
        ErrorGroups errors = new ErrorGroups();
        SpanLatency latency = new SpanLatency();
        for (TraceDetail d : p.data()) {
            errors.add(d);
            latency.add(d);
        }
        return errors.result().groups().size() + latency.result().size();
    }
}
