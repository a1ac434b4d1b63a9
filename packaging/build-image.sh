#!/usr/bin/env bash
# The download that needs no JDK: target/agentos-traces-mcp-VERSION-PLATFORM.tar.gz (and .zip), and the same
# image as a Claude Desktop bundle, .mcpb. Run by `./mvnw -B package -Pimage` (pom.xml, profile "image").
#
# Usage: build-image.sh VERSION JAR JDK [JMODS]
#   JDK    a JDK 25 or later: its jlink links the runtime (from its own jmods/, or from itself where it has
#          none), and its AOT caches are what the image's class-data archives are. 25, not 17: an AppCDS archive
#          of JDK 17 holds the jar's absolute path and is refused once the image is unpacked anywhere else,
#          while an AOT cache of 25 follows the jar when the whole folder moves.
#   JMODS  another platform's jmods/ (of the same JDK version: a macOS or Windows JDK 25, unpacked): links an
#          image for that platform. It cannot be run here, so it ships without archives; its launcher makes
#          them on first use, as it does for a clone.
#
# Layout: bin/ (launchers), lib/agentos-traces-mcp.jar, lib/serve.aot and lib/cli.aot (this platform only),
# runtime/ (the jlink image), mcp-config-examples/, README.md, LICENSE.
set -euo pipefail
version=$1 jar=$2 jdk=$3 jmods=${4:-}
cd "$(dirname "$0")/.."
out=$(cd "$(dirname "$jar")" && pwd)
say() { echo "[image] $*"; }
die() { echo "[image] $*" >&2; exit 1; }
started=$SECONDS

[ -x "$jdk/bin/jlink" ] || die "no jlink in $jdk: pass a JDK 25+ with -Dimage.jdk=/path/to/jdk"
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
[ "${major:-0}" -ge 25 ] || die "$jdk is JDK $major; the image needs JDK 25+ (-Dimage.jdk=/path/to/jdk-25)"

# the platform: the jmods' own (jmod describe says e.g. "platform macos-aarch64"), else this JDK's (its release
# file says OS_NAME="Linux", OS_ARCH="x86_64"); named as downloads usually are: linux-x64, macos-aarch64, ...
norm() { # OS-ARCH in either spelling -> our name
  local os=${1%%-*} arch=${1#*-}
  case $os in Linux|linux) os=linux ;; Darwin|darwin|macos|Mac*) os=macos ;; Windows*|windows) os=windows ;; esac
  case $arch in amd64|x86_64) arch=x64 ;; arm64) arch=aarch64 ;; esac
  echo "$os-$arch"
}
host=$(norm "$(sed -n 's/^OS_NAME="\(.*\)"/\1/p' "$jdk/release")-$(sed -n 's/^OS_ARCH="\(.*\)"/\1/p' "$jdk/release")")
if [ -n "$jmods" ]; then
  [ -f "$jmods/java.base.jmod" ] || die "no java.base.jmod in $jmods"
  platform=$(norm "$("$jdk/bin/jmod" describe "$jmods/java.base.jmod" | sed -n 's/^platform //p')")
  modulepath=(--module-path "$jmods")
else
  platform=$host
  modulepath=(); [ -d "$jdk/jmods" ] && modulepath=(--module-path "$jdk/jmods")
fi
native=no; [ "$platform" = "$host" ] && native=yes
name=agentos-traces-mcp-$version-$platform
img=$out/image/$name
say "$name from JDK $major ($jdk${jmods:+, jmods $jmods})"
rm -rf "$img" "$out/$name".{tar.gz,zip,mcpb}
mkdir -p "$img/bin" "$img/lib"

# the runtime: only the modules the program uses (packaging/modules.txt, checked against jdeps by ImageIT).
# Sizes, against the goals (download <= 50 MB, unpacked <= 120 MB; ImageIT checks both): most of java.base stays
# uncompressed in the modules file, so that the download's gzip packs it better than jlink's per-class zip would
# (the whole modules file: 12 MB in the download raw, 17 MB pre-compressed); the other modules (java.xml is
# 10 MB, and JDBC is all that wants it) and java.base's TLS, crypto and class-file packages (7 MB) are
# compressed in place, which keeps the unpacked image small. That costs start-up nothing: the archives below
# hold every class a start-up loads.
modules=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' packaging/modules.txt | paste -sd, -)
compressed='/(?!java\.base/).*|/java\.base/(sun/security|com/sun/crypto|javax/crypto|jdk/internal/(classfile|foreign|icu))/.*'
"$jdk/bin/jlink" "${modulepath[@]}" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  "--compress=zip-6:filter=regex:$compressed" --output "$img/runtime" > /dev/null
# HotSpot's own symbol table (5 MB of libjvm.so; crash reports name fewer frames without it)
if [ $native = yes ] && [ "${platform%%-*}" = linux ] && command -v strip > /dev/null; then
  chmod u+w "$img/runtime/lib/server/libjvm.so"
  strip --strip-unneeded "$img/runtime/lib/server/libjvm.so"
fi

cp "$jar" "$img/lib/agentos-traces-mcp.jar"
# the SQLite driver carries its native library for 20 platforms (21 MB); an image needs its own platform's only
case $platform in
  linux-x64) keep=Linux/x86_64 ;; linux-aarch64) keep=Linux/aarch64 ;; macos-x64) keep=Mac/x86_64 ;;
  macos-aarch64) keep=Mac/aarch64 ;; windows-x64) keep=Windows/x86_64 ;; *) keep= ;;
esac
if [ -n "$keep" ] && unzip -l "$img/lib/agentos-traces-mcp.jar" "org/sqlite/native/$keep/*" > /dev/null 2>&1; then
  zip -q -d "$img/lib/agentos-traces-mcp.jar" 'org/sqlite/native/*' -x "org/sqlite/native/$keep/*"
fi
# and what nothing reads at run time (0.45 MB): Maven's pom copies, the servlet spec's XML schemas (for web.xml,
# which an embedded server never parses), the Checker Framework's annotations (on PostgreSQL's driver)
zip -q -d "$img/lib/agentos-traces-mcp.jar" 'META-INF/maven/*' 'jakarta/servlet/resources/*' 'org/checkerframework/*' \
  || [ $? -eq 12 ] # (12: none of them there)
install -m 0755 bin/agentos-traces-mcp "$img/bin/"
cp bin/agentos-traces-mcp.cmd "$img/bin/"
cp -r mcp-config-examples README.md LICENSE "$img/"

if [ $native = yes ]; then
  # the class-data archives, made by the image's own launcher exactly as it makes them on a user's machine
  # (same flags, same training), then moved into lib/, where the launcher looks first
  cache=$(mktemp -d); trap 'rm -rf "$cache"' EXIT
  XDG_CACHE_HOME=$cache "$img/bin/agentos-traces-mcp" serve < /dev/null > /dev/null
  XDG_CACHE_HOME=$cache "$img/bin/agentos-traces-mcp" --version > /dev/null
  for face in serve cli; do
    for _ in $(seq 600); do
      made=$(find "$cache" -name "*.$face.aot")
      [ -n "$made" ] && [ -z "$(find "$cache" -name "*.$face.aot.lock")" ] && break
      sleep 0.2
    done
    [ -n "$made" ] || die "no $face archive after 120 s"
    mv "$made" "$img/lib/$face.aot"
  done
fi
rm -f "$img/lib/.jar-time" # the launcher's stamp: made on the user's machine, after unpacking

# the bundle's manifest: settings, the tools the server lists, the command that starts it
stage=$out/image/mcpb-$platform; rm -rf "$stage"; mkdir -p "$stage"
cp packaging/icon.png "$stage/"
probe_java=$img/runtime/bin/java; [ $native = yes ] || probe_java=$jdk/bin/java
python3 packaging/manifest.py "$version" "$platform" "$probe_java" "$img/lib/agentos-traces-mcp.jar" > "$stage/manifest.json"

# archives: tar.gz keeps the runtime's symlinks (legal notices); zip and mcpb hold copies, for any unzip
tar -C "$out/image" -cf - "$name" | gzip -6 > "$out/$name.tar.gz"
(cd "$out/image" && zip -qr "$out/$name.zip" "$name")
(cd "$stage" && zip -q "$out/$name.mcpb" manifest.json icon.png)
(cd "$img" && zip -qr "$out/$name.mcpb" .)

size() { du -sb "$1" | awk '{printf "%.1f", $1 / 1e6}'; } # decimal MB, as the goals count them
say "unpacked $(size "$img") MB; $name.tar.gz $(size "$out/$name.tar.gz") MB, .zip $(size "$out/$name.zip") MB," \
  ".mcpb $(size "$out/$name.mcpb") MB; $((SECONDS - started)) s"
