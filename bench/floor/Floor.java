import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The floor our stack sets: the smallest stdio server the MCP Java SDK makes (Jackson mapper, stdio transport,
 * server info, no tools), compiled against the shaded jar's copy of the SDK. bench/sdk-floor.sh times its
 * `initialize` with the same JVM flags and the same kind of class-data archive as bin/agentos-traces-mcp.
 */
public class Floor {
    public static void main(String[] args) {
        McpServer.sync(new StdioServerTransportProvider(new JacksonMcpJsonMapper(new ObjectMapper())))
                .serverInfo("floor", "1")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .build();
    }
}
