package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Failures across many traces, grouped by what failed (a tool, or a span's type and name) and the shape
 * of its error message, so "which tool keeps failing?" has one line per cause. Counts every failed span,
 * including those in traces whose status says OK, runs that failed without a failing span, and LLM calls
 * that failed silently (no output, no tokens, status OK).
 */
public final class ErrorGroups {

    /** Example trace ids kept per group. */
    public static final int EXAMPLES = 3;

    private static final Pattern QUOTED = Pattern.compile("'[^']{0,200}'|\"[^\"]{0,200}\"");
    private static final Pattern UUID = Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern HEX = Pattern.compile("\\b[0-9a-fA-F]{12,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\b");

    public enum Kind { SPAN, RUN, SILENT_LLM }

    public record Group(Kind kind, String what, String pattern, String exampleError, int count,
            int traceCount, Instant firstSeen, Instant lastSeen, List<String> exampleTraceIds, String exampleSpanId,
            int okStatusTraces) {
    }

    public record Result(List<Group> groups, int tracesScanned, int tracesWithErrors, int failedSpans,
            int okButFailedTraces, int silentLlmFailures, int failedRuns) {
    }

    private static final class Acc {
        final Kind kind;
        final String what;
        final String pattern;
        String example;
        String exampleSpan;
        int count;
        // a trace's failures are recorded together (one add() call), so the last trace id is enough to count
        // each trace once: memory stays flat however many traces fail
        String lastTrace;
        int traceCount;
        String lastOkTrace;
        int okTraceCount;
        final List<String> examples = new ArrayList<>();
        Instant first;
        Instant last;

        Acc(Kind kind, String what, String pattern) {
            this.kind = kind;
            this.what = what;
            this.pattern = pattern;
        }
    }

    private final Map<String, Acc> groups = new LinkedHashMap<>();
    private int scanned;
    private int withErrors;
    private int failedSpans;
    private int okButFailed;
    private int silent;
    private int failedRuns;

    /** Add one trace; keeps only counts and a few ids, never the trace. */
    public void add(TraceDetail d) {
        scanned++;
        String traceId = d.traceId();
        boolean ok = !"ERROR".equals(d.summary().status());
        int before = failedSpans;
        boolean any = false;
        List<TraceNode> failed = new ArrayList<>();
        d.forEachSpan(n -> {
            if (n.failed()) {
                failed.add(n);
            }
        });
        for (TraceNode n : failed) {
            failedSpans++;
            String what = n.toolName() != null ? "tool " + n.toolName() : n.type() + " " + n.name();
            record(Kind.SPAN, what, n.error(), traceId, n.id(), n.startTime() != null ? n.startTime()
                    : d.summary().startTime(), ok);
            any = true;
        }
        if (!ok && failed.isEmpty()) {
            record(Kind.RUN, "run " + d.summary().name(), d.error(), traceId, null, d.summary().startTime(), false);
            failedRuns++;
            any = true;
        }
        if (failed.isEmpty()) {
            for (TraceNode n : SpanFailures.silentLlmFailures(d)) {
                record(Kind.SILENT_LLM, "LLM " + (n.model() == null ? n.name() : n.model()),
                        "no output and no token counts (status OK): the model call likely failed"
                                + (d.output() == null ? "" : "; run output: " + d.output()),
                        traceId, n.id(), n.startTime(), true);
                silent++;
                any = true;
            }
        }
        if (any || d.summary().errorCount() > 0) {
            withErrors++;
            if (ok && (failedSpans > before || d.summary().errorCount() > 0)) {
                okButFailed++;
            }
        }
    }

    private void record(Kind kind, String what, String error, String traceId, String spanId, Instant at, boolean ok) {
        String pattern = error == null ? "(no error message)" : shape(error);
        Acc a = groups.computeIfAbsent(kind + "\u0000" + what + "\u0000" + pattern, k -> new Acc(kind, what, pattern));
        a.count++;
        if (!traceId.equals(a.lastTrace)) {
            a.lastTrace = traceId;
            a.traceCount++;
            if (a.examples.size() < EXAMPLES) {
                a.examples.add(traceId);
            }
        }
        if (ok && !traceId.equals(a.lastOkTrace)) {
            a.lastOkTrace = traceId;
            a.okTraceCount++;
        }
        if (a.example == null) {
            a.example = error;
            a.exampleSpan = spanId;
        }
        if (at != null) {
            a.first = a.first == null || at.isBefore(a.first) ? at : a.first;
            a.last = a.last == null || at.isAfter(a.last) ? at : a.last;
        }
    }

    /** The message with its variable parts (quoted values, ids, numbers) replaced, so alike errors group. */
    public static String shape(String error) {
        String s = error.replaceAll("\\s+", " ").strip();
        s = QUOTED.matcher(s).replaceAll(m -> m.group().charAt(0) + "…" + m.group().charAt(0));
        s = UUID.matcher(s).replaceAll("<id>");
        s = HEX.matcher(s).replaceAll("<id>");
        return NUMBER.matcher(s).replaceAll("<n>");
    }

    /** Groups, most frequent first, then the most recently seen. */
    public Result result() {
        List<Group> out = new ArrayList<>();
        for (Acc a : groups.values()) {
            out.add(new Group(a.kind, a.what, a.pattern, a.example, a.count, a.traceCount, a.first, a.last,
                    List.copyOf(a.examples), a.exampleSpan, a.okTraceCount));
        }
        out.sort(Comparator.comparingInt(Group::count).reversed()
                .thenComparing(Group::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Group::what));
        return new Result(List.copyOf(out), scanned, withErrors, failedSpans, okButFailed, silent, failedRuns);
    }
}
