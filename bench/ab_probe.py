#!/usr/bin/env python3
"""Cold start of several stdio MCP servers, interleaved (A, B, B, A, A, B, ...) so that a noisy machine's slow
moments, and the order within a round, hit each alike: process launch -> `initialize` result on stdout, in ms.

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
    for r in range(runs):
        # every other round in reverse order: the command launched second in a round was measured ~10 ms
        # faster on this machine, whichever it was
        order = list(range(len(cmds))) if r % 2 == 0 else list(reversed(range(len(cmds))))
        for i in order:
            xs[i].append(once(cmds[i]))
    for c, x in zip(cmds, xs):
        print(f"min {min(x):.0f} ms, median {statistics.median(x):.0f} ms, max {max(x):.0f} ms  [{' '.join(c)[-70:]}]")
