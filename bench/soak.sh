#!/usr/bin/env bash
# Soak: 10,000 sequential tool calls (one session), then 1,000 concurrent ones (1,000 sessions, one call
# each), over Streamable HTTP against a stub AgentOS on loopback. Prints failures and the server's heap
# after a full GC and its threads after warm-up, after each phase, and after a second sequential phase.
#   bash bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
ap=$(free_port); hp=$(free_port); pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
java bench/stub/SyntheticAgentOs.java --port "$ap" --traces 1000 > /dev/null 2>&1 & pids+=($!)
java -Xmx256m -jar target/agentos-traces-mcp.jar serve --transport http --port "$hp" --base-url "http://127.0.0.1:$ap" 2>/dev/null &
server=$!; pids+=($server)
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$ap/__requests" >/dev/null && curl -sf "http://127.0.0.1:$hp/healthz" >/dev/null && break; sleep 0.2; done
state() {
  jcmd "$server" GC.run >/dev/null
  local kb; kb=$(jcmd "$server" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
  echo "heap used after GC ${kb}, threads $(awk '/^Threads/ {print $2}' /proc/$server/status)"
}
load() { java -cp target/agentos-traces-mcp.jar bench/load/HttpLoad.java "http://127.0.0.1:$hp" "$1" "$2" 2>/dev/null; }
load 10 20 > /dev/null                       # warm-up
echo "warm:                 $(state)"
load 1 10000
echo "after 10,000 sequential: $(state)"
load 1000 1
sleep 5
echo "after 1,000 concurrent:  $(state)"
load 1 10000 > /dev/null
echo "after another 10,000:    $(state)"
