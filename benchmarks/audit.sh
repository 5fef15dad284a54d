#!/usr/bin/env bash
# Audit benchmark: patient GET throughput (GET /api/v1/patients/{id}) with the patient access audit on and off, in
# one run: the same build and database, rounds alternating off/on so drift hits both alike. Prints the ratio.
# Usage: ./care bench audit   (BENCH_ROUNDS, BENCH_SECONDS, BENCH_THREADS; BENCH_SKIP_BUILD=1 reuses target/care-app)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
ROUNDS=${BENCH_ROUNDS:-2}
SECONDS_PER_ROUND=${BENCH_SECONDS:-20}
THREADS=${BENCH_THREADS:-8}
DB=${BENCH_DB:-care_bench_audit}
OUT="$ROOT/target/bench-audit"
PASSWORD=bench-admin-password
rm -rf "$OUT" && mkdir -p "$OUT"

command -v psql >/dev/null || { echo "bench: psql is needed to create the benchmark database" >&2; exit 2; }
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  echo "==> Building Care (./care build)" >&2
  "$ROOT/care" build >&2
fi
psql -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

pid=""
stop() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  pid=""
}
trap stop EXIT
results="$OUT/results.txt"
: > "$results"
for ((round = 1; round <= ROUNDS; round++)); do
  for audit in false true; do
    echo "==> round $round, audit enabled=$audit" >&2
    CARE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" CARE_DB_USER=postgres CARE_DATA_DIR="$OUT/data" CARE_ADMIN_PASSWORD=$PASSWORD \
      QUARKUS_HTTP_PORT=$PORT java -Xmx1g -Dcare.audit.enabled=$audit -Dquarkus.log.level=WARN \
      -jar "$ROOT/target/care-app/quarkus-app/quarkus-run.jar" >"$OUT/app-$round-$audit.log" 2>&1 &
    pid=$!
    for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
    java "$ROOT/benchmarks/audit/PatientLoad.java" "http://127.0.0.1:$PORT" "$PASSWORD" "audit_$audit" "$THREADS" \
      "$SECONDS_PER_ROUND" | tee -a "$results"
    stop
  done
done
echo "audit rows written: $(psql -h "$PGHOST" -p "$PGPORT" -U postgres -d "$DB" -Atc 'SELECT count(*) FROM core.patient_access_audit')" \
  | tee -a "$results"
python3 - "$results" <<'PY'
import sys
runs = {"audit_false": [], "audit_true": []}
for line in open(sys.argv[1]):
    p = line.split()
    if p and p[0] == "RESULT":
        runs[p[1]].append(float(p[2]))
off = sum(runs["audit_false"]) / len(runs["audit_false"])
on = sum(runs["audit_true"]) / len(runs["audit_true"])
print(f"\nPatient GET throughput: audit off {off:,.0f}/s, audit on {on:,.0f}/s, on/off {on / off:.3f} (cost {100 * (1 - on / off):.1f} %; goal <= 10 %)")
PY
