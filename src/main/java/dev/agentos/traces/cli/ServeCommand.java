package dev.agentos.traces.cli;

import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.mcp.ServerAssembly;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "Serve the MCP tools. stdio: JSON-RPC on stdin/stdout until stdin closes (what MCP clients launch).")
final class ServeCommand implements Callable<Integer> {

    private final Context ctx;

    @Mixin
    ConnectionMixin conn;

    @Option(names = "--transport", defaultValue = "stdio", paramLabel = "stdio",
            description = "Transport. Default: ${DEFAULT-VALUE}.")
    String transport;

    ServeCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        if (!transport.equals("stdio")) {
            throw new ArgumentException("--transport must be stdio, not '" + transport + "'.");
        }
        ServerAssembly.serveStdio(o, Context.version());
        return Main.KEEP_RUNNING;
    }
}
