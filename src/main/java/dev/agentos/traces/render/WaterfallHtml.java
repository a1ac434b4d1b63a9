package dev.agentos.traces.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trace as a waterfall: one self-contained HTML page (inline CSS and script, a Content-Security-Policy
 * that forbids every network request), one bar per span on a time axis, nested by parent, coloured by
 * type, errors marked, model and tokens on LLM spans, details on click. The page draws from the same JSON
 * as {@code get_trace}'s structured output, so it also serves as an MCP App ({@link #app()}), filled by
 * the host with a get_trace result. Trace text only ever reaches the page as JSON read with
 * {@code textContent}, never as markup.
 */
public final class WaterfallHtml {

    /** Spans drawn at most; the page says how many more there are. */
    public static final int MAX_SPANS = 5_000;
    /** Input, output and error text kept per span for the details. */
    public static final int DETAIL_CHARS = 4_000;
    static final String PLACEHOLDER = "__TRACE_DATA__";

    private static volatile String template;

    private WaterfallHtml() {
    }

    /** The page for one trace, its data inlined. */
    public static String page(TraceDetail d) {
        return template().replace(PLACEHOLDER, embed(data(d)));
    }

    /** The page with no data: an MCP App that draws the get_trace result its host passes it. */
    public static String app() {
        return template().replace(PLACEHOLDER, "null");
    }

    /** {@code get_trace}'s structured output, with every span (up to {@link #MAX_SPANS}) and their details. */
    static Map<String, Object> data(TraceDetail d) {
        Map<String, Object> m = TraceView.structured(d, new TraceView.Options(TraceView.MAX_MAX_SPANS, 0));
        List<Object> spans = new ArrayList<>();
        int[] total = {0};
        for (TraceNode root : d.tree()) {
            flatten(root, null, 0, spans, total);
        }
        m.put("spans", spans);
        m.put("spans_total", total[0]);
        m.put("spans_omitted", total[0] - spans.size());
        return m;
    }

    private static void flatten(TraceNode n, String parent, int depth, List<Object> out, int[] total) {
        total[0]++;
        if (out.size() < MAX_SPANS) {
            Map<String, Object> f = TraceView.spanFields(n, parent, depth, DETAIL_CHARS).map();
            f.computeIfPresent("error", (k, v) -> Text.line((String) v, DETAIL_CHARS));
            out.add(f);
        }
        for (TraceNode c : n.spans()) {
            flatten(c, n.id(), depth + 1, out, total);
        }
    }

    /** How many spans the trace has (all of them, drawn or not). */
    public static int spanCount(TraceDetail d) {
        int[] n = {0};
        d.forEachSpan(s -> n[0]++);
        return n[0];
    }

    /** JSON safe inside a script element: no {@code <}, {@code >} or {@code &} can end it or open a comment. */
    static String embed(Map<String, Object> data) {
        try {
            return Json.MAPPER.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String template() {
        String t = template;
        if (t == null) {
            try (InputStream in = WaterfallHtml.class.getResourceAsStream("waterfall.html")) {
                if (in == null) {
                    throw new IllegalStateException("waterfall.html is missing from the jar");
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
