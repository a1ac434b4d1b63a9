package dev.agentos.traces.conformance;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The features the MCP conformance suite (@modelcontextprotocol/conformance, server mode) calls by name:
 * test_* tools, test:// resources and a template, test_* prompts and a completion. Test-only: it is added
 * to the production HTTP transport stack (HttpServer with extras) so the whole active suite can run against
 * that stack; it never ships in the jar. Names and expected answers follow the suite's scenarios.
 */
final class SuiteFixtures implements Consumer<McpServer.SyncSpecification<?>> {

    /** A 1x1 PNG and a minimal WAV, base64, as small valid media payloads. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQAAAAA=";
    static final Map<String, Object> NO_ARGS = Map.of("type", "object", "properties", Map.of());

    @Override
    public void accept(McpServer.SyncSpecification<?> spec) {
        spec.capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().prompts(false)
                .resources(true, false).completions().build());
        tools().forEach(spec::tools);
        spec.resources(resources());
        spec.resourceTemplates(List.of(template()));
        spec.prompts(prompts());
        spec.completions(List.of(new SyncCompletionSpecification(new McpSchema.PromptReference("test_prompt_with_arguments"),
                (ex, req) -> new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(List.of(), 0, false)))));
    }

    // ---- tools ---------------------------------------------------------------------------------

    static SyncToolSpecification tool(String name, Map<String, Object> schema,
            BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, CallToolResult> handler) {
        return SyncToolSpecification.builder().tool(McpSchema.Tool.builder(name, schema).description("conformance: " + name).build())
                .callHandler(handler).build();
    }

    static SyncToolSpecification returning(String name, Content... content) {
        return tool(name, NO_ARGS, (ex, req) -> CallToolResult.builder().content(List.of(content)).isError(false).build());
    }

    static TextContent text(String s) {
        return new TextContent(s);
    }

    static McpSchema.EmbeddedResource embedded(String uri, String mime, String body) {
        return McpSchema.EmbeddedResource.builder(McpSchema.TextResourceContents.builder(uri, body).mimeType(mime).build()).build();
    }

    static Map<String, Object> stringArg(String name, String description) {
        return Map.of("type", "object", "properties", Map.of(name, Map.of("type", "string", "description", description)),
                "required", List.of(name));
    }

    static List<SyncToolSpecification> tools() {
        List<SyncToolSpecification> t = new ArrayList<>();
        t.add(returning("test_simple_text", text("This is a simple text response for testing.")));
        t.add(returning("test_image_content", McpSchema.ImageContent.builder(PNG, "image/png").build()));
        t.add(returning("test_audio_content", McpSchema.AudioContent.builder(WAV, "audio/wav").build()));
        t.add(returning("test_embedded_resource",
                embedded("test://embedded-resource", "text/plain", "This is an embedded resource content.")));
        t.add(returning("test_multiple_content_types", text("Multiple content types test:"),
                McpSchema.ImageContent.builder(PNG, "image/png").build(),
                embedded("test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}")));
        t.add(tool("test_tool_with_logging", NO_ARGS, (ex, req) -> {
            for (String step : List.of("Tool execution started", "Tool processing data", "Tool execution completed")) {
                ex.loggingNotification(McpSchema.LoggingMessageNotification.builder(McpSchema.LoggingLevel.INFO, step).build());
            }
            return CallToolResult.builder().content(List.of(text("Tool execution completed with logging"))).isError(false).build();
        }));
        t.add(tool("test_error_handling", NO_ARGS, (ex, req) -> CallToolResult.builder()
                .content(List.of(text("This tool intentionally returns an error for testing"))).isError(true).build()));
        t.add(tool("test_tool_with_progress", NO_ARGS, (ex, req) -> {
            Object token = req.meta() == null ? null : req.meta().get("progressToken");
            if (token != null) {
                for (double p : new double[] {0, 50, 100}) {
                    ex.progressNotification(McpSchema.ProgressNotification.builder(token, p).total(100.0).build());
                }
            }
            return CallToolResult.builder().content(List.of(text("Tool execution completed "
                    + (token != null ? "with" : "without") + " progress"))).isError(false).build();
        }));
        t.add(tool("test_sampling", stringArg("prompt", "The prompt to send to the LLM"), (ex, req) -> {
            McpSchema.CreateMessageResult r = ex.createMessage(McpSchema.CreateMessageRequest.builder(List.of(
                    McpSchema.SamplingMessage.builder(McpSchema.Role.USER, text((String) req.arguments().get("prompt"))).build()),
                    100).build());
            return CallToolResult.builder().content(List.of(text("LLM response: " + ((TextContent) r.content()).text())))
                    .isError(false).build();
        }));
        t.add(tool("test_elicitation", stringArg("message", "The message to show the user"), (ex, req) -> elicit(ex,
                (String) req.arguments().get("message"), Map.of("type", "object", "properties", Map.of(
                        "username", Map.of("type", "string", "description", "User's response"),
                        "email", Map.of("type", "string", "description", "User's email address")),
                        "required", List.of("username", "email")), "User response: ")));
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("name", Map.of("type", "string", "default", "John Doe"));
        defaults.put("age", Map.of("type", "integer", "default", 30));
        defaults.put("score", Map.of("type", "number", "default", 95.5));
        defaults.put("status", Map.of("type", "string", "enum", List.of("active", "inactive", "pending"), "default", "active"));
        defaults.put("verified", Map.of("type", "boolean", "default", true));
        t.add(tool("test_elicitation_sep1034_defaults", NO_ARGS, (ex, req) -> elicit(ex,
                "Please provide your information with defaults",
                Map.of("type", "object", "properties", defaults, "required", List.copyOf(defaults.keySet())),
                "Elicitation completed: ")));
        Map<String, Object> enums = new LinkedHashMap<>();
        enums.put("untitledSingle", Map.of("type", "string", "enum", List.of("option1", "option2", "option3")));
        enums.put("titledSingle", Map.of("type", "string", "oneOf", List.of(
                Map.of("const", "value1", "title", "First Option"), Map.of("const", "value2", "title", "Second Option"),
                Map.of("const", "value3", "title", "Third Option"))));
        enums.put("legacyEnum", Map.of("type", "string", "enum", List.of("opt1", "opt2", "opt3"),
                "enumNames", List.of("Option One", "Option Two", "Option Three")));
        enums.put("untitledMulti", Map.of("type", "array", "items",
                Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))));
        enums.put("titledMulti", Map.of("type", "array", "items", Map.of("anyOf", List.of(
                Map.of("const", "value1", "title", "First Choice"), Map.of("const", "value2", "title", "Second Choice"),
                Map.of("const", "value3", "title", "Third Choice")))));
        t.add(tool("test_elicitation_sep1330_enums", NO_ARGS, (ex, req) -> elicit(ex, "Select your preferences",
                Map.of("type", "object", "properties", enums, "required", List.copyOf(enums.keySet())),
                "Elicitation completed: ")));
        Map<String, Object> draft2020 = new LinkedHashMap<>();
        draft2020.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        draft2020.put("type", "object");
        draft2020.put("$defs", Map.of("address", Map.of("type", "object", "properties",
                Map.of("street", Map.of("type", "string"), "city", Map.of("type", "string")))));
        draft2020.put("properties", Map.of("name", Map.of("type", "string"), "address", Map.of("$ref", "#/$defs/address")));
        draft2020.put("additionalProperties", false);
        t.add(tool("json_schema_2020_12_tool", draft2020, (ex, req) -> CallToolResult.builder()
                .content(List.of(text("ok"))).isError(false).build()));
        return t;
    }

    static CallToolResult elicit(McpSyncServerExchange ex, String message, Map<String, Object> schema, String prefix) {
        McpSchema.ElicitResult r = ex.createElicitation(McpSchema.ElicitRequest.builder(message, schema).build());
        return CallToolResult.builder().content(List.of(text(prefix + "action=" + r.action() + ", content=" + r.content())))
                .isError(false).build();
    }

    // ---- resources and prompts -----------------------------------------------------------------

    static SyncResourceSpecification resource(String uri, String name, String mime, McpSchema.ResourceContents contents) {
        return new SyncResourceSpecification(McpSchema.Resource.builder(uri, name).description(name).mimeType(mime).build(),
                (ex, req) -> new McpSchema.ReadResourceResult(List.of(contents)));
    }

    static List<SyncResourceSpecification> resources() {
        return List.of(
                resource("test://static-text", "Static Text Resource", "text/plain", McpSchema.TextResourceContents
                        .builder("test://static-text", "This is the content of the static text resource.").mimeType("text/plain").build()),
                resource("test://static-binary", "Static Binary Resource", "image/png",
                        McpSchema.BlobResourceContents.builder("test://static-binary", PNG).mimeType("image/png").build()),
                resource("test://watched-resource", "Watched Resource", "text/plain", McpSchema.TextResourceContents
                        .builder("test://watched-resource", "This is a watched resource content.").mimeType("text/plain").build()));
    }

    static SyncResourceTemplateSpecification template() {
        McpSchema.ResourceTemplate t = new McpSchema.ResourceTemplate("test://template/{id}/data", "Template Resource", null,
                "A resource template for testing parameter substitution", "application/json", null);
        return new SyncResourceTemplateSpecification(t, (ex, req) -> {
            String id = req.uri().replaceAll("test://template/(.+)/data", "$1");
            String json = "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
            return new McpSchema.ReadResourceResult(List.of(
                    McpSchema.TextResourceContents.builder(req.uri(), json).mimeType("application/json").build()));
        });
    }

    static SyncPromptSpecification prompt(String name, List<McpSchema.PromptArgument> args,
            java.util.function.Function<Map<String, Object>, List<McpSchema.PromptMessage>> messages) {
        return new SyncPromptSpecification(new McpSchema.Prompt(name, "conformance: " + name, args),
                (ex, req) -> new McpSchema.GetPromptResult(null, messages.apply(req.arguments() == null ? Map.of() : req.arguments())));
    }

    static McpSchema.PromptMessage user(Content c) {
        return new McpSchema.PromptMessage(McpSchema.Role.USER, c);
    }

    static List<SyncPromptSpecification> prompts() {
        return List.of(
                prompt("test_simple_prompt", List.of(), a -> List.of(user(text("This is a simple prompt for testing.")))),
                prompt("test_prompt_with_arguments", List.of(new McpSchema.PromptArgument("arg1", "First test argument", true),
                        new McpSchema.PromptArgument("arg2", "Second test argument", true)),
                        a -> List.of(user(text("Prompt with arguments: arg1='" + a.get("arg1") + "', arg2='" + a.get("arg2") + "'")))),
                prompt("test_prompt_with_embedded_resource",
                        List.of(new McpSchema.PromptArgument("resourceUri", "URI of the resource to embed", true)),
                        a -> List.of(user(embedded((String) a.get("resourceUri"), "text/plain", "Embedded resource content for testing.")),
                                user(text("Please process the embedded resource above.")))),
                prompt("test_prompt_with_image", List.of(), a -> List.of(
                        user(McpSchema.ImageContent.builder(PNG, "image/png").build()),
                        user(text("Please analyze the image above.")))));
    }
}
