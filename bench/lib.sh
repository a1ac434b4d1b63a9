# Shared by bench/load/load.sh and bench/soak.sh: a synthetic AgentOS and the HTTP server on free ports,
# and the server's heap after a full GC and its thread count. Source it; it sets $server, $hp and pids.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
start_stub_and_server() { # start_stub_and_server TRACES [SERVE FLAGS...]; $SERVER_JAR picks another build
  ap=$(free_port); hp=$(free_port); pids=()
  trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
  java bench/stub/SyntheticAgentOs.java --port "$ap" --traces "$1" > /dev/null 2>&1 & pids+=($!)
  java -Xmx256m -jar "${SERVER_JAR:-target/agentos-traces-mcp.jar}" serve --transport http --port "$hp" \
    --base-url "http://127.0.0.1:$ap" "${@:2}" 2>/dev/null &
  server=$!; pids+=($server)
  for _ in $(seq 150); do
    curl -sf "http://127.0.0.1:$ap/__requests" >/dev/null && curl -sf "http://127.0.0.1:$hp/healthz" >/dev/null && return
    sleep 0.2
  done
  echo "the stub or the server did not start" >&2; exit 1
}
state() { # heap used after a full GC (KB) and live threads of the server
  jcmd "$server" GC.run >/dev/null
  local kb; kb=$(jcmd "$server" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')
  echo "heap used after GC ${kb}, threads $(awk '/^Threads/ {print $2}' /proc/$server/status)"
}
load() { java -cp target/agentos-traces-mcp.jar bench/load/HttpLoad.java "http://127.0.0.1:$hp" "$1" "$2" 2>/dev/null; }
