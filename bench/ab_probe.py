#!/usr/bin/env python3
"""Cold start of several stdio MCP servers, interleaved (A, B, A, B, ...) so that a noisy machine's slow
moments hit each alike: process launch -> `initialize` result on stdout, in ms.

Usage: ab_probe.py RUNS -- COMMAND_A... -- COMMAND_B... [-- ...]
Prints min/median/max per command, in the order given.
"""
import os, statistics, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stdio_probe import once

if __name__ == "__main__":
    runs = int(sys.argv[1]); rest = sys.argv[sys.argv.index("--") + 1:]
    cmds = [[]]
    for a in rest:
        if a == "--":
            cmds.append([])
        else:
            cmds[-1].append(a)
    for c in cmds:
        once(c)  # warm the page cache
    xs = [[] for _ in cmds]
    for _ in range(runs):
        for i, c in enumerate(cmds):
            xs[i].append(once(c))
    for c, x in zip(cmds, xs):
        print(f"min {min(x):.0f} ms, median {statistics.median(x):.0f} ms, max {max(x):.0f} ms  [{' '.join(c)[-70:]}]")
