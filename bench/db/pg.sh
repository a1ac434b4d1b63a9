#!/usr/bin/env bash
# A throwaway PostgreSQL for the database-mode benchmarks, loaded with the set make_db.py wrote.
# usage: bench/db/pg.sh start DIR TSV_DIR   -> prints the port; the database is agno, the role agentos_reader
#        bench/db/pg.sh stop DIR
# Uses Debian's server binaries (apt-get install postgresql); as root its commands run as the postgres user.
# Listens on 127.0.0.1 only, on a free port; initdb defaults as in agno's own measurements (shared_buffers 128MB,
# work_mem 4MB, C.UTF-8).
set -euo pipefail
cmd=$1 dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $cmd in
  start)
    tsv=$(cd "$3" && pwd)
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/log" -o "-p $port -c listen_addresses=127.0.0.1 -k $dir" start >/dev/null
    psql() { as "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }
    psql -d postgres -c "CREATE DATABASE agno"
    psql -d agno -c "CREATE SCHEMA ai"
    grep -v '^\\' "$(dirname "$0")/../../src/test/resources/agentos-2.9.0/db/postgres-schema.sql" | psql -d agno -f - >/dev/null
    [ "$(id -u)" = 0 ] && chmod o+r "$tsv"/agno_*.tsv
    psql -d agno -c "\\copy ai.agno_traces FROM '$tsv/agno_traces.tsv'"
    psql -d agno -c "\\copy ai.agno_spans FROM '$tsv/agno_spans.tsv'"
    psql -d agno -c "INSERT INTO ai.agno_schema_versions VALUES ('agno_traces','2.5.6','2026-11-30T00:00:00+00:00',NULL), ('agno_spans','2.5.6','2026-11-30T00:00:00+00:00',NULL)"
    psql -d agno -c "VACUUM ANALYZE"
    psql -d agno -c "CREATE ROLE agentos_reader LOGIN; GRANT USAGE ON SCHEMA ai TO agentos_reader; GRANT SELECT ON ai.agno_traces, ai.agno_spans, ai.agno_schema_versions TO agentos_reader"
    echo "$port"
    ;;
  stop)
    as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    rm -rf "$dir"
    ;;
esac
