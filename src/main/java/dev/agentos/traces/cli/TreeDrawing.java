package dev.agentos.traces.cli;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the span tree of a rendered trace with box-drawing lines for a terminal ({@code ├─ └─ │}, or
 * {@code |- `- |} when stdout is not UTF-8), in place of the two-space indentation the MCP text keeps.
 *
 * <p>The tree's shape comes from the trace itself, not from guessing at the text: the spans are walked in
 * the order the view prints them, each span line is recognised by its own {@code [span_id]} at the depth
 * expected, and only its leading indentation is replaced; the lines under a span (error, input, output)
 * get the continuation of the lines around them. Anything not recognised is left exactly as it was.
 */
final class TreeDrawing {

    record Glyphs(String branch, String last, String pipe, String blank) {
    }

    static final Glyphs UNICODE = new Glyphs("├─ ", "└─ ", "│  ", "   ");
    static final Glyphs ASCII = new Glyphs("|- ", "`- ", "|  ", "   ");

    private record Row(TraceNode node, int depth, String spanPrefix, String detailPrefix) {
    }

    private TreeDrawing() {
    }

    static String draw(String text, TraceDetail d, boolean unicode) {
        Glyphs g = unicode ? UNICODE : ASCII;
        List<Row> rows = new ArrayList<>();
        for (TraceNode root : d.tree()) {
            walk(root, 0, "", true, g, rows);
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + rows.size() * 8);
        int tree = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("spans (")) {
                tree = i + 1;
                break;
            }
        }
        int next = 0;
        Row current = null;
        boolean inTree = tree >= 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (inTree && i >= tree) {
                Row candidate = next < rows.size() ? rows.get(next) : null;
                String indent = candidate == null ? null : "  ".repeat(candidate.depth());
                if (candidate != null && line.startsWith(indent) && !line.startsWith(indent + " ")
                        && line.endsWith("[" + candidate.node().id() + "]")) {
                    line = candidate.spanPrefix() + line.substring(indent.length());
                    current = candidate;
                    next++;
                } else if (current != null && line.startsWith("  ".repeat(current.depth() + 1))
                        && !line.isBlank()) {
                    line = current.detailPrefix() + line.substring(2 * (current.depth() + 1));
                } else {
                    inTree = false; // past the tree: the "more spans" note and the hints stay as they are
                }
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** @param above what the ancestors below the root draw on this node's lines */
    private static void walk(TraceNode n, int depth, String above, boolean last, Glyphs g, List<Row> rows) {
        String spanPrefix = depth == 0 ? "" : above + (last ? g.last() : g.branch());
        String below = depth == 0 ? "" : above + (last ? g.blank() : g.pipe());
        String detailPrefix = below + (n.spans().isEmpty() ? g.blank() : g.pipe());
        rows.add(new Row(n, depth, spanPrefix, detailPrefix));
        List<TraceNode> children = n.spans();
        for (int i = 0; i < children.size(); i++) {
            walk(children.get(i), depth + 1, below, i == children.size() - 1, g, rows);
        }
    }
}
