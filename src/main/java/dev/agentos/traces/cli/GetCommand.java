package dev.agentos.traces.cli;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.SpanView;
import dev.agentos.traces.render.TraceView;
import dev.agentos.traces.render.WaterfallHtml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "Show one trace as a span tree, or one span with its input and output.")
final class GetCommand extends AnswerCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TRACE_ID", description = "The trace id (or use --run-id).")
    String traceId;

    @Option(names = "--run-id", paramLabel = "ID", description = "Show the trace of this run instead.")
    String runId;

    @Option(names = "--span-id", paramLabel = "ID", description = "Show only this span, with its input and output.")
    String spanId;

    @Option(names = "--io", description = "Show each span's input and output in the tree (cut to --io-chars).")
    boolean io;

    @Option(names = "--io-chars", defaultValue = "300", description = "With --io: characters of each. Default: ${DEFAULT-VALUE}.")
    int ioChars;

    @Option(names = "--max-spans", defaultValue = "" + TraceView.DEFAULT_MAX_SPANS,
            description = "Most spans to show. Default: ${DEFAULT-VALUE}.")
    int maxSpans;

    @Option(names = "--offset", defaultValue = "0", description = "With --span-id: first character of input/output to show.")
    int offset;

    @Option(names = "--max-chars", defaultValue = "" + SpanView.DEFAULT_MAX_CHARS,
            description = "With --span-id: characters of input and of output to show. Default: ${DEFAULT-VALUE}.")
    int maxChars;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the trace as a waterfall to FILE: one self-contained HTML page (no network requests), "
                    + "a bar per span on a time axis; open it in a browser.")
    Path html;

    GetCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--max-spans", maxSpans, 1, TraceView.MAX_MAX_SPANS);
        Bounds.check("--io-chars", ioChars, 1, 5000);
        Bounds.check("--offset", offset, 0, Integer.MAX_VALUE);
        Bounds.check("--max-chars", maxChars, 1, SpanView.MAX_MAX_CHARS);
        if ((traceId == null || traceId.isBlank()) == (runId == null || runId.isBlank())) {
            throw new ArgumentException("Give a TRACE_ID or --run-id (exactly one).");
        }
        if (html != null && (spanId != null || json)) {
            throw new ArgumentException("--html draws the whole trace: drop --span-id and --json.");
        }
        AgentOsClient client = ctx.client(o);
        if (spanId != null) {
            String id = FindTrace.traceId(client, traceId, runId, o.defaultDbId());
            TraceNode span = client.getSpan(id, spanId, o.defaultDbId());
            Output.print(spec.commandLine().getOut(), json, SpanView.text(id, span, offset, maxChars, Hints.CLI),
                    SpanView.structured(id, span, offset, maxChars));
            return ExitCodes.OK;
        }
        TraceDetail d = FindTrace.byIdOrRun(client, traceId, runId, o.defaultDbId());
        if (html != null) {
            try {
                Files.writeString(html, WaterfallHtml.page(d), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ArgumentException("Cannot write " + html + " (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + "); give --html a writable path.");
            }
            int spans = WaterfallHtml.spanCount(d);
            spec.commandLine().getOut().println("Waterfall of trace " + d.traceId() + " (" + spans
                    + (spans == 1 ? " span" : " spans") + ") written to " + html + "; open it in a browser.");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        TraceView.Options opts = new TraceView.Options(maxSpans, io ? ioChars : 0);
        String text = ctx.terminal() ? TraceView.text(d, opts, Hints.CLI, ctx.utf8() ? TraceView.UNICODE_BRANCHES
                : TraceView.ASCII_BRANCHES) : TraceView.text(d, opts, Hints.CLI);
        Output.print(spec.commandLine().getOut(), json, text, TraceView.structured(d, opts));
        return ExitCodes.OK;
    }
}
