#!/usr/bin/env bash
# Load: 50 concurrent Streamable HTTP sessions x 200 list_traces calls against a stub AgentOS on loopback.
# Reports throughput, p50/p99, errors, and the server's heap after GC and thread count before and after.
#   bash bench/load/load.sh [SESSIONS] [CALLS]
set -euo pipefail
cd "$(dirname "$0")/../.."
sessions=${1:-50}; calls=${2:-200}
source bench/lib.sh
start_stub_and_server 1000
# warm-up: one small round, so "before" is a server that has served
load 5 20 > /dev/null
echo "before: $(state)"
load "$sessions" "$calls"
sleep 2
echo "after:  $(state)"
load "$sessions" "$calls" > /dev/null
sleep 2
echo "after a second round: $(state)"
