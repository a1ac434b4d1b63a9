// The official TypeScript MCP SDK client against agentos-traces-mcp over stdio, Streamable HTTP and
// legacy SSE: connect, list every tool (--toolsets all), call the main ones. Run by conformance/run.sh (node --test),
// with AGENTOS_URL (the synthetic AgentOS of bench/stub), HTTP_URL (serve --transport http) and JAR set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

const { AGENTOS_URL, HTTP_URL, JAR } = process.env;
const TRACE = "0".repeat(32); // the synthetic AgentOS's newest trace

async function exercise(transport) {
  const client = new Client({ name: "ts-sdk-test", version: "1.0.0" });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name), ["list_traces", "get_trace", "trace_stats", "total_tokens", "token_cost",
      "find_errors", "slow_spans", "compare_traces", "search_traces", "latest_trace", "find_anomalies",
      "compare_periods", "list_agents", "check_traces"]);
    for (const t of tools) assert.ok(t.outputSchema && t.annotations.readOnlyHint, t.name);

    const list = await client.callTool({ name: "list_traces", arguments: { limit: 5 } });
    assert.equal(list.isError, false);
    assert.equal(list.structuredContent.traces.length, 5);
    assert.equal(list.structuredContent.traces[0].trace_id, TRACE);

    const trace = await client.callTool({ name: "get_trace", arguments: { trace_id: TRACE } });
    assert.equal(trace.isError, false);
    assert.equal(trace.structuredContent.failures[0].tool_name, "lookup_order");
    assert.match(trace.content[0].text, /status OK, but 1 span failed/);

    const stats = await client.callTool({ name: "trace_stats", arguments: {} });
    assert.equal(stats.isError, false);
    assert.ok(stats.structuredContent.totals.traces > 0);

    const one = await client.callTool({ name: "total_tokens", arguments: { trace_id: TRACE } });
    assert.equal(one.isError, false);
    const s = one.structuredContent;
    assert.equal(s.total_tokens, s.input_tokens + s.output_tokens);
    assert.equal(s.matches_root_totals, true);

    const all = await client.callTool({ name: "total_tokens", arguments: {} });
    assert.equal(all.isError, false);
    assert.equal(all.structuredContent.traces_read, all.structuredContent.traces_matching);

    const bad = await client.callTool({ name: "get_trace", arguments: { trace_id: "../etc/passwd" } });
    assert.equal(bad.isError, true);
    assert.match(bad.content[0].text, /contains a control character or a slash/);
  } finally {
    await client.close();
  }
}

test("stdio", async () => {
  await exercise(new StdioClientTransport({
    command: "java", args: ["-jar", JAR, "serve", "--toolsets", "all", "--base-url", AGENTOS_URL], stderr: "ignore",
  }));
});

test("Streamable HTTP", async () => {
  await exercise(new StreamableHTTPClientTransport(new URL(HTTP_URL + "/mcp")));
});

test("legacy SSE", async () => {
  await exercise(new SSEClientTransport(new URL(HTTP_URL + "/sse")));
});
