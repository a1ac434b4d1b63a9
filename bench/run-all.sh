#!/usr/bin/env bash
# Runs every benchmark and writes bench/results/ (summary.txt, cold-start.tsv, cold-start.svg).
# Needs: JDK 17 (+ optionally Temurin 25 under /usr/lib/jvm), python3, curl, jq, GNU time, hyperfine
# (apt-get install -y hyperfine). Takes about 5 minutes on 2 cores. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/agentos-traces-mcp.jar ] || ./mvnw -B -q clean package -DskipTests
source bench/archive.sh
out=bench/results; mkdir -p "$out"; : > "$out/summary.txt"; rm -f "$out"/fallback-*.time
say() { echo "$*" | tee -a "$out/summary.txt"; }
stubs=()
stub() { # stub PORT ARGS... : start the synthetic AgentOS, wait for it
  java bench/stub/SyntheticAgentOs.java --port "$@" > "$out/stub-$1.log" 2>&1 & stubs+=($!)
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$1/__requests" >/dev/null && return; sleep 0.2; done
  echo "stub on $1 did not start" >&2; exit 1
}
trap 'kill "${stubs[@]}" 2>/dev/null || true' EXIT
stub 18801 --traces 10000
URL=http://127.0.0.1:18801

say "# machine: $(nproc) cores, $(uname -m); $(java -version 2>&1 | head -1)"

say "## cold start: launch -> initialize result (20 runs after a warm-up)"
printf 'jdk\tmode\tmin\tmedian\tmax\n' > "$out/cold-start.tsv"
jdks=("17:$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && jdks+=("25:/usr/lib/jvm/temurin-25-jdk-amd64")
declare -A caches   # per JDK: the cache directory its archives are made in, used again below
for entry in "${jdks[@]}"; do
  v=${entry%%:*}; home=${entry#*:}
  export XDG_CACHE_HOME; XDG_CACHE_HOME=$(mktemp -d); caches[$v]=$XDG_CACHE_HOME
  row() { # mode command...
    local mode=$1; shift
    local r; r=$(python3 bench/stdio_probe.py 20 -- "$@" | tail -1)
    say "JDK $v, $mode: $r"
    printf '%s\t%s\t%s\n' "$v" "$mode" "$(echo "$r" | sed -E 's/min ([0-9]+) ms, median ([0-9]+) ms, max ([0-9]+) ms/\1\t\2\t\3/')" >> "$out/cold-start.tsv"
  }
  row "java -jar" "$home/bin/java" -jar target/agentos-traces-mcp.jar serve
  AGENTOS_TRACES_MCP_CDS=0 JAVA_HOME=$home row "launcher, no archive" bin/agentos-traces-mcp serve
  JAVA_HOME=$home make_archive serve
  JAVA_HOME=$home row "launcher + archive" bin/agentos-traces-mcp serve
done
python3 bench/chart.py "$out/cold-start.tsv" "$out/cold-start.svg"

say "## the MCP Java SDK's own floor: its smallest stdio server (no tools), same flags, own archive (20 interleaved runs)"
for entry in "${jdks[@]}"; do
  v=${entry%%:*}; home=${entry#*:}
  bash bench/sdk-floor.sh 20 "$home" | sed "s/^/JDK $v: /" | tee -a "$out/summary.txt"
done

say "## what the launcher script costs before it starts the JVM (hyperfine, 200 runs)"
bash bench/launcher-overhead.sh | tee -a "$out/summary.txt"

say "## peak RSS: a stdio session with 10 tool calls (launcher + archive; GNU time's KB are KiB)"
# time -v measures python and its children: the server is the largest process
for entry in "${jdks[@]}"; do
  v=${entry%%:*}; home=${entry#*:}
  XDG_CACHE_HOME=${caches[$v]}   # the server's archive, made for the cold-start rows
  kb=()
  for _ in 1 2 3; do
    JAVA_HOME=$home /usr/bin/time -v python3 bench/session.py "$URL" 10 -- bin/agentos-traces-mcp serve > /dev/null 2> "$out/rss.txt" || true
    kb+=("$(grep 'Maximum resident' "$out/rss.txt" | awk '{print $NF}')")
  done
  say "JDK $v: max RSS (largest process: the server), 3 runs: ${kb[*]} KB"
done
XDG_CACHE_HOME=${caches[17]}   # what follows runs the default java (JDK 17) with its archive in place

say "## added latency of a tool call over a direct GET (1000 calls, list_traces limit 20; steady = second half)"
python3 bench/session.py "$URL" 1000 -- bin/agentos-traces-mcp serve | tee -a "$out/summary.txt"

say "## CLI list --limit 20, end to end (hyperfine), vs curl + jq"
make_archive cli   # the CLI's own archive (JDK 17); what follows uses it too
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs 20 --export-markdown "$out/cli.md" --export-json "$out/cli.json" \
    "bin/agentos-traces-mcp list --limit 20 --base-url $URL" \
    "sh -c 'curl -s \"$URL/traces?limit=20\" | jq -r \".data[] | [.trace_id, .status, .duration, .name] | @tsv\"'" \
    | tee -a "$out/summary.txt"
  say "$(jq -r '.results[] | "median \(.median * 1000 | round) ms, min \(.min * 1000 | round) ms, max \(.max * 1000 | round) ms: \(.command)"' "$out/cli.json")"
else
  say "hyperfine missing: apt-get install -y hyperfine"
fi

say "## aggregation: total tokens over 10,000 traces (80,000 spans), search available"
curl -s -X POST "$URL/__reset" >/dev/null
/usr/bin/time -f '%e s wall, %U s user, %S s sys, %M KB max RSS' bin/agentos-traces-mcp tokens --max-traces 10000 \
  --base-url "$URL" --json > "$out/tokens.json" 2> "$out/tokens.time"
say "requests: $(curl -s "$URL/__requests")  (bound: ceil(10000/100) + 1 = 101)"
say "$(cat "$out/tokens.time"); traces read: $(jq .traces_read "$out/tokens.json"), total tokens: $(jq .total_tokens "$out/tokens.json")"
cpu=$(awk '{print $4 + $7}' "$out/tokens.time")
say "spans per CPU-second (whole process: JVM start, HTTP, parse, aggregate): $(python3 -c "print(round(80000 / $cpu))")"

say "## fallback (no search route), 10 ms server latency, 1000 traces: 8 at a time vs one at a time"
stub 18802 --traces 1000 --delay-ms 10 --no-search
# one untimed run first, so neither side pays for the stub's own JVM warming up
bin/agentos-traces-mcp tokens --max-traces 1000 --base-url http://127.0.0.1:18802 --json > /dev/null
for n in 8 1; do
  for run in 1 2 3; do
    /usr/bin/time -f '%e' bin/agentos-traces-mcp tokens --max-traces 1000 --concurrency $n --base-url http://127.0.0.1:18802 \
      --json > /dev/null 2>> "$out/fallback-$n.time"
  done
  median=$(grep -E '^[0-9.]+$' "$out/fallback-$n.time" | sort -n | sed -n 2p)
  eval "fallback_$n=$median"
  say "concurrency $n: median of 3 runs $median s wall ($(grep -E '^[0-9.]+$' "$out/fallback-$n.time" | tr '\n' ' '))"
done
say "speed-up: $(python3 -c "print(round($fallback_1 / $fallback_8, 1))")x"

say "## load: 50 concurrent Streamable HTTP sessions x 200 tool calls (server, client and stub share the cores)"
bash bench/load/load.sh 50 200 2>/dev/null | grep -v '^Note:' | tee -a "$out/summary.txt"

say "## rendering a 2,000-span trace (warm)"
java -cp target/agentos-traces-mcp.jar bench/harness/RenderBench.java | tee -a "$out/summary.txt"

say "## JMH: parse + aggregate one search page (100 traces, 800 spans), render a 2,000-span trace"
./mvnw -B -q -f bench/jmh/pom.xml package
java -cp bench/jmh/target/benchmarks.jar:target/agentos-traces-mcp.jar org.openjdk.jmh.Main -wi 3 -i 5 -w 1 -r 1 \
  -rf text -rff "$out/jmh.txt" > /dev/null 2>&1
cat "$out/jmh.txt" | tee -a "$out/summary.txt"

say "## the runtime image (the download) vs the launcher on an installed JDK, interleaved; its sizes"
if ls target/agentos-traces-mcp-*-linux-x64.tar.gz > /dev/null 2>&1; then
  bash bench/image.sh 20 | tee -a "$out/summary.txt"
else
  say "no image: ./mvnw -B package -Pimage -Dimage.jdk=/path/to/jdk-25 first"
fi
