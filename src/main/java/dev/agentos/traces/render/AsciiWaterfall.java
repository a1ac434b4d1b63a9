package dev.agentos.traces.render;

import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A trace's spans on a fixed-width time axis, in plain text, for clients that show no HTML:
 * <pre>
 * AGENT Ops_Agent.arun        |████████████████████████████████████████| 203.65ms
 *   LLM OfflineSim.ainvoke    |█████████▏                              | 42.31ms
 *   TOOL lookup_inventory ✖   |          ▌                             | 6.74ms
 * </pre>
 * Each span is one row in tree order; a bar shorter than one cell shows as {@code ▏}; {@code ✖} marks a failure.
 */
public final class AsciiWaterfall {

    public static final int WIDTH = 40;
    public static final int MAX_ROWS = 30;
    static final int LABEL = 34;

    private AsciiWaterfall() {
    }

    private record Row(TraceNode span, int depth) {
    }

    /** The block, ending with a newline; empty when the trace has no timed spans. */
    public static String of(TraceDetail d, int maxRows) {
        List<Row> rows = new ArrayList<>();
        for (TraceNode root : d.tree()) {
            collect(root, 0, rows);
        }
        Instant t0 = null;
        Instant t1 = null;
        for (Row r : rows) {
            if (r.span().startTime() != null && r.span().endTime() != null) {
                t0 = t0 == null || r.span().startTime().isBefore(t0) ? r.span().startTime() : t0;
                t1 = t1 == null || r.span().endTime().isAfter(t1) ? r.span().endTime() : t1;
            }
        }
        if (t0 == null || !t1.isAfter(t0)) {
            return "";
        }
        long total = Duration.between(t0, t1).toNanos();
        StringBuilder b = new StringBuilder();
        b.append("timeline (").append(Times.format(Duration.ofNanos(total))).append(" across, one cell ≈ ")
                .append(Times.format(Duration.ofNanos(total / WIDTH))).append("):\n");
        int shown = 0;
        for (Row r : rows) {
            if (shown == maxRows) {
                b.append("…[").append(rows.size() - maxRows).append(" more spans not on the timeline]\n");
                break;
            }
            shown++;
            TraceNode n = r.span();
            String label = "  ".repeat(Math.min(r.depth(), 6)) + n.type() + " " + n.name() + (n.failed() ? " ✖" : "");
            b.append(Text.pad(label, LABEL)).append(" |").append(bar(n, t0, total)).append("| ")
                    .append(Times.format(n.duration())).append('\n');
        }
        return b.toString();
    }

    private static void collect(TraceNode n, int depth, List<Row> out) {
        out.add(new Row(n, depth));
        for (TraceNode c : n.spans()) {
            collect(c, depth + 1, out);
        }
    }

    static String bar(TraceNode n, Instant t0, long total) {
        char[] cells = new char[WIDTH];
        java.util.Arrays.fill(cells, ' ');
        if (n.startTime() == null || n.endTime() == null) {
            return new String(cells);
        }
        double from = (double) Duration.between(t0, n.startTime()).toNanos() / total * WIDTH;
        double to = (double) Duration.between(t0, n.endTime()).toNanos() / total * WIDTH;
        int a = Math.max(0, Math.min(WIDTH - 1, (int) Math.floor(from)));
        int z = Math.max(a, Math.min(WIDTH, (int) Math.round(to)));
        if (z == a) {
            cells[a] = '▏'; // shorter than one cell
        } else {
            for (int i = a; i < z; i++) {
                cells[i] = '█';
            }
        }
        return new String(cells);
    }
}
