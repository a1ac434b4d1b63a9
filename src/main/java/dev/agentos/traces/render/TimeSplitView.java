package dev.agentos.traces.render;

import dev.agentos.traces.analysis.TimeSplit;
import dev.agentos.traces.client.Times;
import java.util.Map;

/** A {@link TimeSplit} as one line of text or a few structured fields; the percentages add up to 100. */
public final class TimeSplitView {

    private TimeSplitView() {
    }

    /** {@code LLM 92.2ms (41%), tools 0.29ms (0%), other 133.9ms (59%)}. */
    public static String text(TimeSplit s) {
        int[] p = s.percents();
        return "LLM " + Times.format(s.llm()) + " (" + p[0] + "%), tools " + Times.format(s.tool()) + " (" + p[1]
                + "%), other " + Times.format(s.other()) + " (" + p[2] + "%)";
    }

    /** {@code LLM 69%, tools 1%, other 30%}. */
    public static String percents(TimeSplit s) {
        int[] p = s.percents();
        return "LLM " + p[0] + "%, tools " + p[1] + "%, other " + p[2] + "%";
    }

    public static Map<String, Object> fields(TimeSplit s) {
        int[] p = s.percents();
        return Fields.of().put("ms", Times.millis(s.wall())).put("llm_ms", Times.millis(s.llm()))
                .put("tool_ms", Times.millis(s.tool())).put("other_ms", Times.millis(s.other()))
                .put("llm_pct", p[0]).put("tool_pct", p[1]).put("other_pct", p[2]).map();
    }
}
