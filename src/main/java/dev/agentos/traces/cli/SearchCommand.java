package dev.agentos.traces.cli;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.query.FilterExpression;
import dev.agentos.traces.query.SearchTraces;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.Text;
import dev.agentos.traces.render.TraceListView;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Traces matching an AgentOS filter expression, checked before sending (the search_traces tool).",
                "Example: search '{\"op\":\"AND\",\"conditions\":[{\"op\":\"EQ\",\"key\":\"user_id\",\"value\":\"bob\"},"
                        + "{\"op\":\"GT\",\"key\":\"duration_ms\",\"value\":2000}]}'"})
final class SearchCommand extends AnswerCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILTER",
            description = "The filter expression as JSON; none matches every trace.")
    String filter;

    @Option(names = "--page", defaultValue = "1", paramLabel = "N", description = "Page number, from 1. Default: ${DEFAULT-VALUE}.")
    int page;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Traces per page, 1 to 100. Default: ${DEFAULT-VALUE}.")
    int limit;

    SearchCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws Exception {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--page", page, 1, 1_000_000);
        Bounds.check("--limit", limit, 1, AgentOsClient.MAX_LIMIT);
        AgentOsClient client = ctx.client(o);
        SearchTraces.Result r = SearchTraces.run(client, filter, () -> FilterExpression.schemaOf(client, o.defaultDbId()),
                page, limit, o.defaultDbId(), ctx.clock().instant());
        Map<String, Object> structured = TraceListView.structured(r.page());
        String head = "Search " + (r.expression() == null ? "(no filter)"
                : Text.line(Json.MAPPER.writeValueAsString(r.expression()), 400)) + "\n";
        if (r.expression() != null) {
            structured.put("filter", r.expression());
        }
        return print(head + TraceListView.text(r.page(), Hints.CLI), structured);
    }
}
