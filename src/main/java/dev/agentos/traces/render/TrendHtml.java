package dev.agentos.traces.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Two periods as a chart page: one self-contained HTML file (inline CSS and script, a Content-Security-Policy
 * that forbids every network request), a bar per day for runs, tokens, cost, duration and error rate, and the
 * comparison tables with changed figures marked. Drawn from {@code compare_periods}' structured output, inlined
 * as JSON and read with {@code textContent}, as the waterfall page does.
 */
public final class TrendHtml {

    static final String PLACEHOLDER = "__TREND_DATA__";

    private static volatile String template;

    private TrendHtml() {
    }

    public static String page(TrendView.Trend t) {
        return template().replace(PLACEHOLDER, WaterfallHtml.embed(TrendView.structured(t)));
    }

    private static String template() {
        String t = template;
        if (t == null) {
            try (InputStream in = TrendHtml.class.getResourceAsStream("trend.html")) {
                if (in == null) {
                    throw new IllegalStateException("trend.html is missing from the jar");
                }
                t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            template = t;
        }
        return t;
    }
}
