#!/usr/bin/env python3
"""Builds an agno 2.9.0 trace database of N traces for the database-mode benchmarks.

usage: make_db.py N OUT.db [--tsv DIR]

Replicates the six sample traces agno wrote (src/test/resources/agentos-2.9.0/db/{sqlite,postgres}-sample.json:
team run, workflow run, workflow with a failed tool, model-error run, ...) with fresh trace and span ids and
start times shifted 30 s apart (newest last), into a SQLite file made from agno's own table definitions
(sqlite-schema.sql). Strings the capture cut to 500 chars ('…[+N chars]') are padded back to their real
length, so JSON parsing costs what it costs on a real database. --tsv also writes agno_traces.tsv and
agno_spans.tsv for PostgreSQL's COPY (durations rounded to bigint as agno's PostgreSQL upsert stores them).
"""
import json, os, random, re, sqlite3, sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "..", "src", "test", "resources", "agentos-2.9.0", "db")
CUT = re.compile(r"…\[\+(\d+) chars\]$")
TCOLS = ["trace_id", "name", "status", "start_time", "end_time", "duration_ms", "run_id", "session_id", "user_id",
         "agent_id", "team_id", "workflow_id", "created_at"]
SCOLS = ["span_id", "trace_id", "parent_span_id", "name", "span_kind", "status_code", "status_message", "start_time",
         "end_time", "duration_ms", "attributes", "created_at"]


def pad(v):
    if isinstance(v, str):
        m = CUT.search(v)
        return v[: m.start()] + "x" * int(m.group(1)) if m else v
    if isinstance(v, list):
        return [pad(x) for x in v]
    return v


def iso(t):
    return t.isoformat()


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    tsv = sys.argv[sys.argv.index("--tsv") + 1] if "--tsv" in sys.argv else None
    samples = []
    for f in ("sqlite-sample.json", "postgres-sample.json"):
        for t in json.load(open(os.path.join(RES, f)))["traces"]:
            samples.append(t)
    rnd = random.Random(15)
    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out)
    schema = open(os.path.join(RES, "sqlite-schema.sql")).read()
    db.executescript("\n".join(l for l in schema.splitlines() if not l.startswith("--")))
    db.execute("INSERT INTO agno_schema_versions VALUES ('agno_traces','2.5.6','2026-11-30T00:00:00+00:00',NULL)")
    db.execute("INSERT INTO agno_schema_versions VALUES ('agno_spans','2.5.6','2026-11-30T00:00:00+00:00',NULL)")
    ft = open(os.path.join(tsv, "agno_traces.tsv"), "w") if tsv else None
    fs = open(os.path.join(tsv, "agno_spans.tsv"), "w") if tsv else None
    base = datetime(2026, 10, 1, tzinfo=timezone.utc)
    spans_total = 0
    for i in range(n):
        s = samples[i % len(samples)]
        t0 = datetime.fromisoformat(s["agno_traces_row"]["start_time"])
        shift = base + timedelta(seconds=30 * i) - t0
        tid = "%032x" % rnd.getrandbits(128)
        ids = {r["span_id"]: "%016x" % rnd.getrandbits(64) for r in s["agno_spans_rows"]}

        def tm(v):
            return iso(datetime.fromisoformat(v) + shift) if v else v

        tr = dict(s["agno_traces_row"])
        tr.update(trace_id=tid, start_time=tm(tr["start_time"]), end_time=tm(tr["end_time"]), created_at=tm(tr["created_at"]),
                  run_id="run-%d" % i if tr["run_id"] else None, session_id="sess-%d" % (i // 4) if tr["session_id"] else None)
        db.execute("INSERT INTO agno_traces VALUES (%s)" % ",".join("?" * len(TCOLS)), [tr[c] for c in TCOLS])
        if ft:
            row = [tr[c] for c in TCOLS]
            row[5] = int(round(row[5]))
            ft.write("\t".join(r"\N" if v is None else str(v) for v in row) + "\n")
        for r in s["agno_spans_rows"]:
            sr = dict(r)
            sr.update(span_id=ids[r["span_id"]], trace_id=tid,
                      parent_span_id=ids.get(r["parent_span_id"]) if r["parent_span_id"] else None,
                      start_time=tm(r["start_time"]), end_time=tm(r["end_time"]), created_at=tm(r["created_at"]))
            attrs = {k: pad(v) for k, v in (r["attributes"] or {}).items()}
            if "agno.run.id" in attrs:
                attrs["agno.run.id"] = tr["run_id"]
            sr["attributes"] = json.dumps(attrs, ensure_ascii=False)
            db.execute("INSERT INTO agno_spans VALUES (%s)" % ",".join("?" * len(SCOLS)), [sr[c] for c in SCOLS])
            if fs:
                fs.write("\t".join(r"\N" if sr[c] is None else str(sr[c]).replace("\\", "\\\\").replace("\t", "\\t")
                                   .replace("\n", "\\n").replace("\r", "\\r") for c in SCOLS) + "\n")
            spans_total += 1
        if i % 5000 == 4999:
            db.commit()
    db.commit()
    db.execute("ANALYZE")
    db.close()
    print("traces", n, "spans", spans_total, "bytes", os.path.getsize(out))


main()
