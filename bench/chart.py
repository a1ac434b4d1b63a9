#!/usr/bin/env python3
"""cold-start.tsv -> a small SVG bar chart (median, with min-max whiskers), per JDK and launch mode."""
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
w, bar, gap, left = 760, 26, 10, 250
h = 60 + len(rows) * (bar + gap)
top = max(int(r["max"]) for r in rows) * 1.1
x = lambda ms: left + (w - left - 40) * ms / top
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="13">',
       f'<text x="10" y="22" font-size="15" font-weight="bold">stdio cold start: launch to initialize result (ms, median; whiskers min-max)</text>']
for i, r in enumerate(rows):
    y = 40 + i * (bar + gap)
    color = {"java -jar": "#b0b0b0", "launcher, no archive": "#7aa6d6"}.get(r["mode"], "#2b6cb0")
    svg.append(f'<text x="10" y="{y + 18}">JDK {r["jdk"]}, {r["mode"]}</text>')
    svg.append(f'<rect x="{left}" y="{y}" width="{x(int(r["median"])) - left:.0f}" height="{bar}" fill="{color}"/>')
    svg.append(f'<line x1="{x(int(r["min"])):.0f}" x2="{x(int(r["max"])):.0f}" y1="{y + bar / 2}" y2="{y + bar / 2}" stroke="#333"/>')
    svg.append(f'<text x="{x(int(r["max"])) + 6:.0f}" y="{y + 18}">{r["median"]}</text>')
svg.append("</svg>")
open(sys.argv[2], "w").write("\n".join(svg) + "\n")
