#!/usr/bin/env python3
"""One stdio MCP session: initialize, then N tool calls of list_traces(limit=20); also N direct
GET /traces?page=1&limit=20 to the same AgentOS over a kept-alive connection.

Usage: session.py BASE_URL N -- COMMAND...   (COMMAND is the server, e.g. bin/agentos-traces-mcp serve)
Prints median tool-call and direct-GET latency (ms) and their difference: the latency we add.
"""
import http.client, json, statistics, subprocess, sys, time, urllib.parse

base, n = sys.argv[1], int(sys.argv[2])
cmd = sys.argv[sys.argv.index("--") + 1:] + ["--base-url", base]
p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

def rpc(i, method, params=None):
    msg = {"jsonrpc": "2.0", "id": i, "method": method}
    if params is not None:
        msg["params"] = params
    p.stdin.write((json.dumps(msg) + "\n").encode()); p.stdin.flush()
    while True:
        line = json.loads(p.stdout.readline())
        if line.get("id") == i:
            return line

rpc(0, "initialize", {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}})
p.stdin.write(b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n'); p.stdin.flush()
tool = []
for i in range(1, n + 1):
    t0 = time.perf_counter()
    r = rpc(i, "tools/call", {"name": "list_traces", "arguments": {"limit": 20}})
    tool.append((time.perf_counter() - t0) * 1000)
    assert not r["result"].get("isError"), r
p.stdin.close(); p.wait(timeout=30)

u = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(u.hostname, u.port)
direct = []
for i in range(n):
    t0 = time.perf_counter()
    conn.request("GET", "/traces?page=1&limit=20", headers={"Accept": "application/json"})
    body = conn.getresponse().read(); json.loads(body)
    direct.append((time.perf_counter() - t0) * 1000)
# the first calls include class loading and JIT warm-up: report all and the steady state (second half)
half = n // 2
print(f"tool calls: {n}, median {statistics.median(tool):.2f} ms (steady {statistics.median(tool[half:]):.2f} ms)")
print(f"direct GETs: {n}, median {statistics.median(direct):.2f} ms (steady {statistics.median(direct[half:]):.2f} ms)")
print(f"added latency (steady medians): {statistics.median(tool[half:]) - statistics.median(direct[half:]):.2f} ms")
