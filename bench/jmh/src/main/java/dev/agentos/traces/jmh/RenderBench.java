package dev.agentos.traces.jmh;

import dev.agentos.traces.analysis.Bottlenecks;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.SlowSpansView;
import dev.agentos.traces.render.TraceView;
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

/** get_trace and slow_spans on a 2,000-span trace with 20 KB prompts (goal: ≤ 20 ms warm). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBench {

    TraceDetail trace;
    TraceView.Options options;

    @Setup
    public void setUp() {
        trace = Traces.big(2000);
        options = new TraceView.Options(TraceView.MAX_MAX_SPANS, 0);
    }

    @Benchmark
    public Object getTraceTextAndStructured() {
        return TraceView.text(trace, options).length() + TraceView.structured(trace, options).size();
    }

    @Benchmark
    public Object slowSpansOfOneTrace() {
        Bottlenecks.Result r = Bottlenecks.of(trace);
        return SlowSpansView.text(trace, r, SlowSpansView.MAX_TOP, Hints.MCP).length();
    }
}
