#!/usr/bin/env bash
# Database-mode scans over the 50k set, SQLite and PostgreSQL alternating, ROUNDS rounds (default 2):
# wall and CPU seconds and peak RSS of the whole CLI process (the launcher's JVM flags), one line each.
# usage: bench/db/run.sh SQLITE_FILE PG_PORT [ROUNDS]
set -euo pipefail
lite=$1 port=$2 rounds=${3:-2}
here=$(cd "$(dirname "$0")/../.." && pwd)
run() { # label, args...
  local label=$1; shift
  /usr/bin/time -f "$label	wall %e s	cpu %U+%S s	maxrss %M KB" "$here/bin/agentos-traces-mcp" "$@" --max-traces 50000 \
    >/tmp/dbmode-run.out 2>/tmp/dbmode-run.err || { cat /tmp/dbmode-run.err >&2; return 1; }
  tail -1 /tmp/dbmode-run.err
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
