#!/usr/bin/env bash
# Load: 50 concurrent Streamable HTTP sessions x 200 list_traces calls against a stub AgentOS on loopback.
# Reports throughput, p50/p99, errors, and the server's heap after GC and thread count before and after.
#   bash bench/load/load.sh [SESSIONS] [CALLS]
set -euo pipefail
cd "$(dirname "$0")/../.."
sessions=${1:-50}; calls=${2:-200}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
ap=$(free_port); hp=$(free_port); pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
java bench/stub/SyntheticAgentOs.java --port "$ap" --traces 1000 > /dev/null 2>&1 & pids+=($!)
java -Xmx256m -jar target/agentos-traces-mcp.jar serve --transport http --port "$hp" --base-url "http://127.0.0.1:$ap" 2>/dev/null &
server=$!; pids+=($server)
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$ap/__requests" >/dev/null && curl -sf "http://127.0.0.1:$hp/healthz" >/dev/null && break; sleep 0.2; done
state() { # heap used after a full GC (KB) and live threads of the server
  jcmd "$server" GC.run >/dev/null
  local heap; heap=$(jcmd "$server" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
  echo "heap used after GC ${heap}, threads $(awk '/^Threads/ {print $2}' /proc/$server/status)"
}
# warm-up: one small round, so "before" is a server that has served
java -cp target/agentos-traces-mcp.jar bench/load/HttpLoad.java "http://127.0.0.1:$hp" 5 20 > /dev/null
echo "before: $(state)"
java -cp target/agentos-traces-mcp.jar bench/load/HttpLoad.java "http://127.0.0.1:$hp" "$sessions" "$calls"
sleep 2
echo "after:  $(state)"
java -cp target/agentos-traces-mcp.jar bench/load/HttpLoad.java "http://127.0.0.1:$hp" "$sessions" "$calls" > /dev/null
sleep 2
echo "after a second round: $(state)"
