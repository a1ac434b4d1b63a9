#!/usr/bin/env python3
"""Cold start of a stdio MCP server: process launch -> `initialize` result on stdout, in ms.

Usage: stdio_probe.py RUNS -- COMMAND [ARGS...]
Prints one line per run and then min/median/max. Closes stdin after each run so the server exits.
"""
import json, statistics, subprocess, sys, time

def once(cmd):
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                       "clientInfo": {"name": "probe", "version": "1"}}}
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    p.stdin.write((json.dumps(init) + "\n").encode()); p.stdin.flush()
    line = p.stdout.readline()
    ms = (time.perf_counter() - t0) * 1000
    assert json.loads(line)["id"] == 1, line
    p.stdin.close(); p.wait(timeout=30)
    return ms

if __name__ == "__main__":
    runs = int(sys.argv[1]); cmd = sys.argv[sys.argv.index("--") + 1:]
    once(cmd)  # warm the page cache
    xs = [once(cmd) for _ in range(runs)]
    for x in xs: print(f"{x:.0f}")
    print(f"min {min(xs):.0f} ms, median {statistics.median(xs):.0f} ms, max {max(xs):.0f} ms")
