#!/usr/bin/env bash
# The floor the MCP Java SDK sets: bench/floor/Floor.java (the SDK's smallest stdio server: no tools) against
# bin/agentos-traces-mcp, with the launcher's own JVM flags and each with its own class-data archive (AppCDS
# on JDK 17-24, an AOT cache on 25+), in interleaved runs: launch -> `initialize` result.
# Usage: bench/sdk-floor.sh [RUNS] [JDK_HOME]   (defaults: 20, the JDK of the java on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
home=${2:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -f target/agentos-traces-mcp.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp target/agentos-traces-mcp.jar "$work/app.jar"
"$home/bin/javac" --release 17 -cp "$work/app.jar" -d "$work/classes" bench/floor/Floor.java
"$home/bin/jar" cf "$work/floor.jar" -C "$work/classes" .
flags=$(sed -n 's/^flags="\(.*\)"$/\1/p' bin/agentos-traces-mcp)
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
if [ "$major" -ge 25 ]; then
  make="-XX:AOTCacheOutput=$work/floor.aot"; use="-XX:AOTCache=$work/floor.aot"
else
  make="-XX:ArchiveClassesAtExit=$work/floor.jsa"; use="-XX:SharedArchiveFile=$work/floor.jsa"
fi
# the training session the launcher gives the server's archive, taken from the launcher itself, then end of input
session=$(sed -n "s/^ *'\({\"jsonrpc\".*}\)' \\\\$/\1/p" bin/agentos-traces-mcp)
[ "$(printf '%s\n' "$session" | wc -l)" -ge 3 ] || { echo "no training session found in bin/agentos-traces-mcp" >&2; exit 1; }
{ printf '%s\n' "$session"; sleep 2; } \
  | (cd "$work" && timeout 60 "$home/bin/java" $flags $make -cp floor.jar:app.jar Floor > /dev/null 2>&1) || true
ls "$work"/floor.[ja][so][at] > /dev/null
export XDG_CACHE_HOME="$work/cache"
source bench/archive.sh
JAVA_HOME=$home make_archive serve
cd "$work"
# shellcheck disable=SC2086
JAVA_HOME=$home python3 "$OLDPWD/bench/ab_probe.py" "$runs" -- "$OLDPWD/bin/agentos-traces-mcp" serve \
  -- "$home/bin/java" $flags $use -cp floor.jar:app.jar Floor
