package dev.agentos.traces.render;

import dev.agentos.traces.analysis.Bottlenecks;
import dev.agentos.traces.analysis.TraceDiff;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.testsupport.Golden;
import dev.agentos.traces.testsupport.Trees;
import org.junit.jupiter.api.Test;

/** slow_spans and compare_traces on real workflow, team and agent runs, text and JSON, against reviewed files. */
class AnswerGoldenTest {

    static final String STREAMED = "runs/trace_report_workflow_1.json";
    static final String PLAIN = "runs/trace_report_workflow_2.json";

    static void slow(String fixture, String golden) throws Exception {
        TraceDetail d = Trees.fixture(fixture);
        Bottlenecks.Result r = Bottlenecks.of(d);
        Golden.assertMatches("golden/" + golden + ".txt", SlowSpansView.text(d, r, SlowSpansView.DEFAULT_TOP, Hints.CLI));
        Golden.assertMatches("golden/" + golden + ".json", Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(SlowSpansView.structured(d, r, SlowSpansView.DEFAULT_TOP)) + "\n");
    }

    @Test
    void slowSpansOfAStreamedWorkflowRun() throws Exception {
        slow(STREAMED, "slow_workflow_streamed");
    }

    @Test
    void slowSpansOfATeamRun() throws Exception {
        slow("runs/trace_support_team_1.json", "slow_team");
    }

    @Test
    void slowSpansOfAnAgentRunWithAFailedTool() throws Exception {
        slow("runs/trace_ops_agent_1.json", "slow_agent_tool_error");
    }

    @Test
    void compareStreamedWithPlainWorkflowRun() throws Exception {
        TraceDiff.Result r = TraceDiff.of(Trees.fixture(PLAIN), Trees.fixture(STREAMED));
        Golden.assertMatches("golden/compare_workflow.txt", CompareView.text(r, CompareView.DEFAULT_MAX_ROWS, Hints.CLI));
        Golden.assertMatches("golden/compare_workflow.json", Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(CompareView.structured(r, CompareView.DEFAULT_MAX_ROWS)) + "\n");
    }

    @Test
    void compareAgentRunsWithAndWithoutTheFailedTool() {
        TraceDiff.Result r = TraceDiff.of(Trees.fixture("runs/trace_math_agent_1.json"),
                Trees.fixture("runs/trace_ops_agent_1.json"));
        Golden.assertMatches("golden/compare_agents.txt", CompareView.text(r, CompareView.DEFAULT_MAX_ROWS, Hints.MCP));
    }
}
