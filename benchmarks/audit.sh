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
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
MPORT=$(free_port) # the management interface too: its default port may be taken on a shared machine

# CPU time (clock ticks) of the app and of its database's server processes so far: a cost that load from other
# processes on a shared machine hardly changes, where throughput does.
cpu_ticks() {
  local total p
  total=$(awk '{print $14 + $15}' "/proc/$1/stat")
  for p in $(psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$DB'"); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

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
    echo "==> round $round, audit enabled=$audit (load average $(cut -d" " -f1 /proc/loadavg))" >&2
    CARE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" CARE_DB_USER=postgres CARE_DATA_DIR="$OUT/data" CARE_ADMIN_PASSWORD=$PASSWORD \
      QUARKUS_HTTP_PORT=$PORT CARE_MANAGEMENT_PORT=$MPORT QUARKUS_MANAGEMENT_PORT=$MPORT java -Xmx1g -Dcare.audit.enabled=$audit -Dquarkus.log.level=WARN \
      -jar "$ROOT/target/care-app/quarkus-app/quarkus-run.jar" >"$OUT/app-$round-$audit.log" 2>&1 &
    pid=$!
    for _ in $(seq 240); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
    if ! curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; then
      echo "bench: Care did not become ready; log: $OUT/app-$round-$audit.log" >&2; tail -5 "$OUT/app-$round-$audit.log" >&2; exit 1
    fi
    java "$ROOT/benchmarks/audit/PatientLoad.java" "http://127.0.0.1:$PORT" "$PASSWORD" "audit_$audit" "$THREADS" \
      "$SECONDS_PER_ROUND" | while read -r line; do
        case "$line" in
          "MEASURE start") cpu0=$(cpu_ticks "$pid") ;;
          "MEASURE end "*) requests=${line#MEASURE end }
            echo "CPU audit_$audit $(( $(cpu_ticks "$pid") - cpu0 )) $requests" | tee -a "$results" ;;
          *) echo "$line" | tee -a "$results" ;;
        esac
      done
    stop
  done
done
echo "audit rows written: $(psql -h "$PGHOST" -p "$PGPORT" -U postgres -d "$DB" -Atc 'SELECT count(*) FROM core.patient_access_audit')" \
  | tee -a "$results"
python3 - "$results" <<'PY'
import sys
runs = {"audit_false": [], "audit_true": []}
cpu = {"audit_false": [0, 0], "audit_true": [0, 0]}
for line in open(sys.argv[1]):
    p = line.split()
    if p and p[0] == "RESULT":
        runs[p[1]].append(float(p[2]))
    elif p and p[0] == "CPU":
        cpu[p[1]][0] += int(p[2])
        cpu[p[1]][1] += int(p[3])
off = sum(runs["audit_false"]) / len(runs["audit_false"])
on = sum(runs["audit_true"]) / len(runs["audit_true"])
print(f"\nPatient GET throughput: audit off {off:,.0f}/s, audit on {on:,.0f}/s, on/off {on / off:.3f} (cost {100 * (1 - on / off):.1f} %; goal <= 10 %)")
# CPU per request (app + its PostgreSQL sessions; ticks of 10 ms): steadier than throughput when the machine is shared.
hz = 100
per = {k: 1000 * v[0] / hz / v[1] for k, v in cpu.items() if v[1]}
if len(per) == 2:
    extra = per["audit_true"] / per["audit_false"] - 1
    print(f"CPU per request (app + database sessions): audit off {per['audit_false']:.3f} ms, audit on {per['audit_true']:.3f} ms "
          f"(+{100 * extra:.1f} %; the throughput a CPU-bound machine loses is {100 * extra / (1 + extra):.1f} %)")
PY
