#!/usr/bin/env bash
# What bin/agentos-traces-mcp itself costs before it execs the JVM: it is run against a stand-in JDK whose
# bin/java is /bin/true (its release file copied from the real JDK, and an archive with matching stamps in
# place, so the launcher takes its everyday path), next to /bin/true alone. Needs hyperfine.
# Usage: bench/launcher-overhead.sh [JDK_HOME]   (default: the JDK of the java on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
real=${1:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -f target/agentos-traces-mcp.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/jdk/bin" "$work/pathbin"
cp "$real/release" "$work/jdk/release"
ln -s /bin/true "$work/jdk/bin/java"; ln -s "$work/jdk/bin/java" "$work/pathbin/java"
export XDG_CACHE_HOME="$work/cache"
jar="$PWD/target/agentos-traces-mcp.jar"
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$real/release")
ext=jsa; [ "$major" -ge 25 ] && ext=aot
archive="$XDG_CACHE_HOME/agentos-traces-mcp$work/jdk$jar.serve.$ext"
mkdir -p "$(dirname "$archive")"; touch "$archive"; touch -r "$jar" "$archive.jar"; touch -r "$work/jdk/release" "$archive.jdk"
JAVA_HOME="$work/jdk" sh -x bin/agentos-traces-mcp serve 2>&1 | grep -q -- "-XX:[A-Za-z]*=$archive" \
  || { echo "the launcher did not take the archive path" >&2; exit 1; }
echo "launcher overhead (JAVA_HOME set; java on PATH, found with one readlink); /bin/true alone:"
JAVA_HOME="$work/jdk" hyperfine -N --warmup 10 --runs 200 "$PWD/bin/agentos-traces-mcp serve" 2>&1 | grep -E "Time|Range"
env -u JAVA_HOME PATH="$work/pathbin:/usr/bin:/bin" hyperfine -N --warmup 10 --runs 200 "$PWD/bin/agentos-traces-mcp serve" 2>&1 | grep -E "Time|Range"
hyperfine -N --warmup 10 --runs 200 /bin/true 2>&1 | grep -E "Time|Range"
