#!/usr/bin/env bash
# The runtime image against today's launcher on an installed JDK (bench/image_probe.py): first-ever and warm
# launch -> initialize, and the CLI's list, interleaved; then the image's sizes. Needs the image:
# ./mvnw -B package -Pimage -Dimage.jdk=/path/to/jdk-25 (see pom.xml).
# Usage: bench/image.sh [RUNS] [JDK_HOME]   (default 20 runs; the JDK of the java on PATH, JDK 17 here)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
jdk=${2:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
tarball=$(ls target/agentos-traces-mcp-*-linux-x64.tar.gz 2>/dev/null | head -1)
[ -n "$tarball" ] || { echo "no image: ./mvnw -B package -Pimage -Dimage.jdk=/path/to/jdk-25" >&2; exit 1; }
source bench/archive.sh
export XDG_CACHE_HOME; XDG_CACHE_HOME=$(mktemp -d)
pids=(); trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$XDG_CACHE_HOME"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
java bench/stub/SyntheticAgentOs.java --port "$port" --traces 100 > /dev/null 2>&1 & pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/__requests" > /dev/null && break; sleep 0.2; done
JAVA_HOME=$jdk make_archive serve   # today's launcher, warm: both archives made first
JAVA_HOME=$jdk make_archive cli
echo "# $(nproc) cores; JDK launcher on $("$jdk/bin/java" -version 2>&1 | head -1); image $(basename "$tarball")"
python3 bench/image_probe.py "$runs" "$tarball" "$jdk" --cli "http://127.0.0.1:$port"
dir=target/image/$(basename "$tarball" .tar.gz)
# peak RSS of a stdio session with 10 tool calls (GNU time's maximum of the session's processes: the server)
for who in "JDK launcher" image; do
  kb=()
  for _ in 1 2 3; do
    if [ "$who" = image ]; then cmd=("$dir/bin/agentos-traces-mcp" serve); else cmd=(env "JAVA_HOME=$jdk" bin/agentos-traces-mcp serve); fi
    kb+=("$( { /usr/bin/time -f '%M' python3 bench/session.py "http://127.0.0.1:$port" 10 -- "${cmd[@]}" > /dev/null; } 2>&1 | tail -1)")
  done
  echo "peak RSS, 10-call session, $who: ${kb[*]} KiB"
done
echo "download: $(stat -c %s "$tarball") bytes (.tar.gz), $(stat -c %s "${tarball%.tar.gz}.mcpb") bytes (.mcpb)"
echo "unpacked: $(find "$dir" -type f -printf '%s\n' | awk '{s+=$1} END {print s}') bytes" \
  "(runtime $(du -sb "$dir/runtime" | cut -f1), lib/ $(du -sb "$dir/lib" | cut -f1): jar and archives)"
