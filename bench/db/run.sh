#!/usr/bin/env bash
# Database-mode scans over the 50k set, SQLite and PostgreSQL alternating, ROUNDS rounds (default 2):
# wall and CPU seconds and peak RSS of the whole CLI process (the launcher's JVM flags), one line each.
# usage: [MAX=50000] [NICE=-10] bench/db/run.sh SQLITE_FILE PG_PORT [ROUNDS]
# MAX: traces read (newest first). NICE: run the CLI at that nice level (as root, negative values give it a fair
# share on a machine others load; pg.sh's postmaster can be reniced alike so its backends inherit it).
# PGDIR (pg.sh's DIR): also print the CPU the PostgreSQL backends spent on each run (the postmaster's reaped
# children, from /proc).
set -euo pipefail
lite=$1 port=$2 rounds=${3:-2}
here=$(cd "$(dirname "$0")/../.." && pwd)
server_cpu() { # CPU seconds of the postmaster's finished children so far
  [ -n "${PGDIR:-}" ] || { echo 0; return; }
  awk -v hz="$(getconf CLK_TCK)" '{ print ($16 + $17) / hz }' "/proc/$(head -1 "$PGDIR/data/postmaster.pid")/stat"
}
run() { # label, args...
  local label=$1; shift
  local before; before=$(server_cpu)
  ${NICE:+nice -n "$NICE"} /usr/bin/time -f "$label	wall %e s	cpu %U+%S s	maxrss %M KB" "$here/bin/agentos-traces-mcp" "$@" \
    --max-traces "${MAX:-50000}" \
    >/tmp/dbmode-run.out 2>/tmp/dbmode-run.err || { cat /tmp/dbmode-run.err >&2; return 1; }
  tail -1 /tmp/dbmode-run.err
  if [ -n "${PGDIR:-}" ] && [ "${label#postgresql}" != "$label" ]; then
    echo "    server cpu $(awk -v a="$(server_cpu)" -v b="$before" 'BEGIN { printf "%.2f", a - b }') s"
  fi
  grep -h "read from the" /tmp/dbmode-run.out | sed 's/^/    /' | head -1
}
for r in $(seq "$rounds"); do
  for db in "sqlite:$lite" "postgresql://agentos_reader@127.0.0.1:$port/agno"; do
    kind=${db%%:*}
    run "$kind tokens by model" tokens --database-url "$db" --group-by model
    run "$kind errors" errors --database-url "$db"
    run "$kind slow (filter)" slow --database-url "$db" --start-time 2026-09-01T00:00:00Z
  done
done
