package dev.agentos.traces.cli;

import dev.agentos.traces.client.Catalog;
import dev.agentos.traces.query.Discovery;
import dev.agentos.traces.render.CatalogView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "agents", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "The agents, teams and workflows AgentOS serves, with models, tools and members (the list_agents tool).")
final class AgentsCommand implements Callable<Integer> {

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin conn;

    @Option(names = "--json", description = "Print JSON (the list_agents tool's structured output).")
    boolean json;

    AgentsCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Catalog c = Discovery.catalog(ctx.client(conn.resolve(ctx.env())), true);
        Output.print(spec.commandLine().getOut(), json, CatalogView.text(c), CatalogView.structured(c));
        return ExitCodes.OK;
    }
}
