#!/usr/bin/env bash
# Soak: 10,000 sequential tool calls (one session), then 1,000 concurrent ones (1,000 sessions, one call
# each), over Streamable HTTP against a stub AgentOS on loopback. Prints failures and the server's heap
# after a full GC and its threads after warm-up, after each phase, after a minute idle (the burst's extra
# threads are evicted), and after a second sequential phase.
#   bash bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
start_stub_and_server 1000
load 10 20 > /dev/null                       # warm-up
echo "warm:                 $(state)"
load 1 10000
echo "after 10,000 sequential: $(state)"
load 1000 1
sleep 5
echo "after 1,000 concurrent:  $(state)"
sleep 60
echo "after 60 s idle:         $(state)"
load 1 10000 > /dev/null
echo "after another 10,000:    $(state)"
