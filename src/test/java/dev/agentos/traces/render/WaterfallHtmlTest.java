package dev.agentos.traces.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.testsupport.Fixtures;
import dev.agentos.traces.testsupport.FixtureAgentOs;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The waterfall page from the real captured traces: self-contained, escaped, and drawn right by a real
 * browser (headless Chromium, when installed: Debian packages chromium and chromium-driver; CI installs them).
 */
class WaterfallHtmlTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOOL_ERROR = "16a3d91143cd09bae7f87594b93c261c";
    static final String TEAM = "adeaf270dc73dcf3839ce972cfb6779f";
    static final Pattern BAR = Pattern.compile("<div class=\"bar\" data-span-id=\"([0-9a-f]*)\" data-type=\"([A-Z]*)\" "
            + "data-error=\"(true|false)\"");

    @RegisterExtension
    static final FixtureAgentOs agentOs = new FixtureAgentOs();

    /** Span ids of a captured trace, depth first, as the page must draw them. */
    static List<String[]> spansInTreeOrder(String fixture) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (JsonNode root : JSON.readTree(Fixtures.body(fixture)).get("tree")) {
            walk(root, out);
        }
        return out;
    }

    static void walk(JsonNode n, List<String[]> out) {
        out.add(new String[] {n.get("id").asText(), n.get("type").asText(), n.get("status").asText()});
        for (JsonNode c : n.path("spans")) {
            walk(c, out);
        }
    }

    @Test
    void thePageIsSelfContainedAndCarriesEverySpan() throws Exception {
        String page = WaterfallHtml.page(agentOs.client().getTrace(TOOL_ERROR, null));
        assertTrue(page.contains("Content-Security-Policy\" content=\"default-src 'none'"), "no network at all");
        assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find(),
                "no external script, style, image or link");
        assertFalse(page.contains("@import") || page.contains("url("), "no CSS fetches");
        Map<String, Object> data = WaterfallHtml.data(agentOs.client().getTrace(TOOL_ERROR, null));
        assertEquals(4, ((List<?>) data.get("spans")).size());
        assertEquals(0, data.get("spans_omitted"));
        assertTrue(page.contains("\"span_id\":\"9b8c76d6e3668c78\""), "the failing span");
        assertTrue(page.contains("Inventory service unavailable for item 'nuts'"), "its error, for the details");
        assertFalse(WaterfallHtml.app().contains("__TRACE_DATA__"));
        assertTrue(WaterfallHtml.app().contains("<script type=\"application/json\" id=\"trace-data\">null</script>"));
    }

    static TraceDetail hostile() {
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        String evil = "</script><script>document.title='pwned'</script><img src=x onerror=alert(1)>&amp;";
        TraceNode child = new TraceNode("00000000000000c1", evil, "TOOL", "ERROR", "5ms", t0.plusMillis(2),
                t0.plusMillis(7), evil, evil, evil, null, Map.of("tool_name", evil), List.of());
        TraceNode root = new TraceNode("00000000000000a0", evil, "AGENT", "OK", "10ms", t0, t0.plusMillis(10), evil, evil,
                null, null, Map.of(), List.of(child));
        TraceSummary s = new TraceSummary("0000000000000000000000000000beef", evil, "OK", "10ms", t0, t0.plusMillis(10), 2,
                1, evil, "run", "sess", "user", evil, null, null, t0);
        return new TraceDetail(s, evil, evil, List.of(root));
    }

    @Test
    void traceTextNeverBecomesMarkup() {
        String page = WaterfallHtml.page(hostile());
        assertEquals(2, count(page, "<script"), "the template's two scripts, no third: " + page.length());
        assertFalse(page.contains("<img"), "no element from the data");
        assertTrue(page.contains("\\u003c/script\\u003e\\u003cscript\\u003edocument.title"), "escaped inside the JSON");
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    // ---- a real browser ---------------------------------------------------------------------------

    static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    static List<String> headless(String browser, String... more) {
        List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--virtual-time-budget=5000"));
        cmd.addAll(List.of(more));
        return cmd;
    }

    @Test
    void chromiumDrawsOneBarPerSpanInTreeOrderWithTheErrorMarked() throws Exception {
        String browser = chromium();
        assumeTrue(browser != null, "no chromium on PATH (apt-get install -y chromium chromium-driver)");
        Path dir = Path.of("target", "waterfall");
        Files.createDirectories(dir);
        for (String[] trace : List.of(new String[] {TOOL_ERROR, "trace_detail_tool_error.json"},
                new String[] {TEAM, "trace_detail_team.json"})) {
            Path page = dir.resolve(trace[0] + ".html");
            Files.writeString(page, WaterfallHtml.page(agentOs.client().getTrace(trace[0], null)));
            String dom = run(headless(browser, "--dump-dom", page.toUri().toString()));
            assertTrue(dom.contains("data-rendered=\"true\""), "the script ran: " + dom.substring(0, Math.min(300, dom.length())));
            List<String[]> expected = spansInTreeOrder(trace[1]);
            List<String[]> bars = new ArrayList<>();
            Matcher m = BAR.matcher(dom);
            while (m.find()) {
                bars.add(new String[] {m.group(1), m.group(2), m.group(3)});
            }
            assertEquals(expected.size(), bars.size(), "one bar per span in " + trace[0]);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i)[0], bars.get(i)[0], "bar " + i + " is span " + expected.get(i)[0]);
                assertEquals(expected.get(i)[1], bars.get(i)[1]);
                assertEquals(String.valueOf("ERROR".equals(expected.get(i)[2])), bars.get(i)[2], "error mark of bar " + i);
            }
            run(headless(browser, "--screenshot=" + dir.resolve(trace[0] + ".png").toAbsolutePath(),
                    "--window-size=1400,900", page.toUri().toString()));
            assertTrue(Files.size(dir.resolve(trace[0] + ".png")) > 10_000, "a screenshot under target/waterfall/");
        }
        assertTrue(Pattern.compile("data-error=\"true\"").matcher(
                run(headless(browser, "--dump-dom", dir.resolve(TOOL_ERROR + ".html").toUri().toString()))).find());

        Path evil = dir.resolve("hostile.html");
        Files.writeString(evil, WaterfallHtml.page(hostile()));
        String dom = run(headless(browser, "--dump-dom", evil.toUri().toString()));
        assertTrue(dom.contains("data-rendered=\"true\""));
        assertFalse(dom.contains("<title>pwned"), "no script from the data ran");
        assertFalse(dom.contains("<img"), "no element from the data");
        assertTrue(dom.contains("&lt;/script&gt;&lt;script&gt;document.title"), "shown as text");
    }
}
