package dev.agentos.traces.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.PeriodQueries;
import dev.agentos.traces.query.PeriodScan;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.testsupport.SearchingAgentOs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The trend chart page from the captured runs: self-contained, and drawn right by headless Chromium when installed. */
class TrendHtmlTest {

    static final Pattern BAR = Pattern.compile("<div class=\"bar( empty)?\" data-metric=\"([a-z_0-9]+)\" "
            + "data-day=\"([0-9-]+)\" data-period=\"([a-z]+)\" data-value=\"([0-9.]*)\"");

    static TrendView.Trend trend() throws Exception {
        try (SearchingAgentOs agentOs = new SearchingAgentOs(SearchingAgentOs.capturedTraces())) {
            AgentOsClient client = AgentOsClient.create(ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null,
                    null, Map.of()));
            Instant now = Instant.parse("2026-11-30T12:00:00Z");
            TraceFilter window = new TraceFilter(null, null, null, null, null, null, null,
                    Instant.parse("2026-11-30T00:00:00Z"), null, null);
            PeriodScan.Periods p = PeriodScan.resolve(window, Times.parseUserTime("b", "2026-11-22", now),
                    Times.parseUserTime("b", "2026-11-24", now), null, now);
            return TrendView.Trend.of(PeriodQueries.trend(client, p, 1000, true, now, ScanControl.NONE), true);
        }
    }

    @Test
    void thePageIsSelfContainedAndCarriesTheSeries() throws Exception {
        String page = TrendHtml.page(trend());
        assertTrue(page.contains("Content-Security-Policy\" content=\"default-src 'none'"), "no network at all");
        assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find());
        assertFalse(page.contains("__TREND_DATA__"));
        assertTrue(page.contains("\"day\":\"2026-11-23\""), page.substring(0, 200));
    }

    @Test
    void traceTextNeverBecomesMarkup() {
        dev.agentos.traces.analysis.PeriodStats before = new dev.agentos.traces.analysis.PeriodStats(true);
        dev.agentos.traces.analysis.PeriodStats after = new dev.agentos.traces.analysis.PeriodStats(true);
        after.add(WaterfallHtmlTest.hostile()); // agent id and names are markup
        Instant t0 = Instant.parse("2026-11-23T00:00:00Z");
        TraceFilter w = new TraceFilter(null, null, null, null, null, null, null, t0, t0.plusSeconds(86_400), null);
        TraceFilter b = new TraceFilter(null, null, null, null, null, null, null, t0.minusSeconds(86_400), t0, null);
        dev.agentos.traces.query.TraceScan.Stats s = new dev.agentos.traces.query.TraceScan.Stats(1, 1, false, 1, true,
                t0, t0, t0);
        var pricing = dev.agentos.traces.analysis.Pricing.defaults();
        String page = TrendHtml.page(new TrendView.Trend(new PeriodScan.Periods(b, w, "given"), new PeriodScan.Stats(s, s),
                before.summary(pricing), after.summary(pricing), pricing, true));
        assertEquals(2, WaterfallHtmlTest.count(page, "<script"), "the template's two scripts, no third");
        assertFalse(page.contains("<img"));
        assertTrue(page.contains("\\u003c/script\\u003e\\u003cscript\\u003edocument.title"), "escaped inside the JSON");
    }

    @Test
    void chromiumDrawsOneBarPerDayAndMetricWithTheFiguresOfTheData() throws Exception {
        String browser = WaterfallHtmlTest.chromium();
        assumeTrue(browser != null, "no chromium on PATH (apt-get install -y chromium chromium-driver)");
        TrendView.Trend t = trend();
        List<TrendView.DayPoint> days = TrendView.series(t);
        assertEquals(List.of("2026-11-22", "2026-11-23", "2026-11-30"), days.stream().map(TrendView.DayPoint::day).toList());
        Path dir = Path.of("target", "trend");
        Files.createDirectories(dir);
        Path page = dir.resolve("trend.html");
        Files.writeString(page, TrendHtml.page(t));
        String dom = WaterfallHtmlTest.run(WaterfallHtmlTest.headless(browser, "--dump-dom", page.toUri().toString()));
        assertTrue(dom.contains("data-rendered=\"true\""), "the script ran");
        List<String[]> tokenBars = new ArrayList<>();
        int bars = 0;
        Matcher m = BAR.matcher(dom);
        while (m.find()) {
            bars++;
            if (m.group(2).equals("total_tokens")) {
                tokenBars.add(new String[] {m.group(3), m.group(4), m.group(5)});
            }
        }
        assertEquals(5 * days.size(), bars, "a bar per day for each of the five metrics");
        for (int i = 0; i < days.size(); i++) {
            TrendView.DayPoint d = days.get(i);
            assertEquals(d.day(), tokenBars.get(i)[0]);
            assertEquals(d.period(), tokenBars.get(i)[1]);
            assertEquals(d.row() == null ? "" : Long.toString(d.row().totalTokens()), tokenBars.get(i)[2]);
        }
        int rows = t.before().components().size() + 1; // the workflow exists only in the window
        assertEquals(2 * rows, count(dom, "<tr data-key=\"") - 2 - 2 * (t.before().models().size() + 1),
                "two rows (baseline, window) per component");
        WaterfallHtmlTest.run(WaterfallHtmlTest.headless(browser, "--screenshot=" + dir.resolve("trend.png").toAbsolutePath(),
                "--window-size=1200,900", page.toUri().toString()));
        assertTrue(Files.size(dir.resolve("trend.png")) > 10_000);
    }

    static int count(String s, String needle) {
        return WaterfallHtmlTest.count(s, needle);
    }
}
