package dev.agentos.traces.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentos.traces.testsupport.Trees;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Own times on the time-placed tree: an agent's model calls are not its own time wherever the tree put them. */
class BottlenecksTest {

    @Test
    void theWriterAgentsOwnTimeLeavesOutTheTwoModelCallsThatAreItsSiblingsInTheTree() {
        Bottlenecks.Result r = Bottlenecks.of(Trees.fixture("runs/trace_report_workflow_1.json"));
        Map<String, Duration> own = r.spans().stream()
                .collect(Collectors.toMap(Bottlenecks.SpanTime::spanId, Bottlenecks.SpanTime::selfTime));
        // Writer_Agent_✍️.arun 03:38:31.249483 to .475549, clipped to its step's end .437418; LLM calls 45.244 + 43.249 ms
        assertEquals(Duration.ofNanos(437_418_000 - 249_483_000 - 45_244_000 - 43_249_000), own.get("be620ae727e6da18"));
        // the step itself: from its start to the agent's start, nothing else (the agent covers the rest)
        assertEquals(Duration.ofNanos(249_483_000 - 226_497_000), own.get("d371b285a1946d5f"));
        assertEquals(Duration.ofNanos(680_251_000), r.total());
        assertEquals(13, r.spans().size());
    }

    @Test
    void inTheNonStreamedRunTheSameAgentOwnsTheSameKindOfTime() {
        Bottlenecks.Result r = Bottlenecks.of(Trees.fixture("runs/trace_report_workflow_2.json"));
        Bottlenecks.SpanTime writer = r.spans().stream().filter(s -> s.name().startsWith("Writer")).findFirst().orElseThrow();
        // 03:38:30.576039 to .723857, minus 40.725 and 40.816 ms of LLM calls
        assertEquals(Duration.ofNanos(723_857_000 - 576_039_000 - 40_725_000 - 40_816_000), writer.selfTime());
    }
}
