#!/usr/bin/env bash
# Leak: 10,000 Streamable HTTP sessions opened, used once and abandoned (no DELETE), in rounds of 1,000, against
# a server whose idle sessions expire after 10 s (--session-idle-timeout 10; up to 20 s with the SDK's sweep).
# Prints the server's heap after a full GC and its threads after each round (1,000 sessions live) and at the end,
# once all have expired.   bash bench/load/abandon.sh [ROUNDS] [PER_ROUND] [JAR]
# A build without session expiry: SERVE_FLAGS= PAUSE=1 bash bench/load/abandon.sh 10 1000 old.jar
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-10}; per=${2:-1000}
export SERVER_JAR=${3:-target/agentos-traces-mcp.jar}
source bench/lib.sh
start_stub_and_server 1000 ${SERVE_FLAGS---session-idle-timeout 10}  # SERVE_FLAGS= for a build without it
java bench/load/Abandon.java "http://127.0.0.1:$hp" 50 8 > /dev/null   # warm-up
sleep 25
echo "before:            $(state)"
for r in $(seq "$rounds"); do
  echo "round $r: $(java bench/load/Abandon.java "http://127.0.0.1:$hp" "$per" 16)"
  echo "  after round $r:  $(state)"
  [ "$r" -lt "$rounds" ] && sleep "${PAUSE:-21}"   # the round's sessions expire
done
sleep 25
echo "all expired:       $(state)"
