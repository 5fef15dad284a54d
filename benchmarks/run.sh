#!/usr/bin/env bash
# Signal bus benchmark: Care's outbox + subscribers vs a plain insert+commit baseline and vs Spring Modulith's
# JDBC event publication registry, all on the local PostgreSQL, in one run. Usage: ./care bench
set -euo pipefail
[[ "${1:-}" == kafka ]] && exec "$(dirname "${BASH_SOURCE[0]}")/kafka.sh"
[[ "${1:-}" == audit ]] && exec "$(dirname "${BASH_SOURCE[0]}")/audit.sh"
[[ "${1:-}" == soak ]] && exec "$(dirname "${BASH_SOURCE[0]}")/soak.sh"
[[ "${1:-}" == startup ]] && exec "$(dirname "${BASH_SOURCE[0]}")/startup.sh"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
SIGNALS=${BENCH_SIGNALS:-20000}
THREADS=${BENCH_THREADS:-8}
PER_TX=${BENCH_PER_TX:-1}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

command -v psql >/dev/null || { echo "bench: psql is needed to create the benchmark databases" >&2; exit 2; }
fresh_db() { psql -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }

echo "==> Building the benchmark applications" >&2
"$ROOT/mvnw" -B -q -Pbench -DskipTests install >&2

paused() { # all bench subscribers from index $1 on
  local list=() i
  for ((i = $1; i < 10; i++)); do list+=("$(printf 'bench-%02d' "$i")"); done
  local IFS=,; echo "${list[*]}"
}

results="$OUT/results.txt"
: > "$results"
for subs in 1 10; do
  echo "==> Care, $subs subscriber(s)" >&2
  fresh_db care_bench
  CARE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/care_bench" CARE_DB_USER=postgres CARE_DATA_DIR="$OUT/data" \
    java -Xmx1g -Dbench.signals="$SIGNALS" -Dbench.threads="$THREADS" -Dbench.per-transaction="$PER_TX" -Dbench.subscribers="$subs" \
      -Dcare.bus.paused-subscribers="$(paused "$subs")" -Dcare.admin.password=bench-admin-password \
      -jar "$ROOT/benchmarks/care-bench/target/quarkus-app/quarkus-run.jar" | grep '^RESULT' | tee -a "$results"
  echo "==> Spring Modulith JDBC registry, $subs listener(s)" >&2
  fresh_db care_bench_peer
  BENCH_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/care_bench_peer" \
    java -Xmx1g -jar "$ROOT/benchmarks/modulith-peer/target/care-bench-modulith-peer-0.1.0-SNAPSHOT.jar" \
      --bench.signals="$SIGNALS" --bench.threads="$THREADS" --bench.subscribers="$subs" | grep '^RESULT' | tee -a "$results"
done

python3 - "$results" <<'PY'
import re, sys
r = {}
bases = []
for line in open(sys.argv[1]):
    parts = line.split()
    key, value = " ".join(parts[1:-1]), float(parts[-1])
    if key == "baseline_insert_commit_per_s":
        bases.append(value)
    r[key] = value
# The baseline is measured before each Care run; the report uses their mean.
base = sum(bases) / len(bases) if bases else float("nan")
def g(k): return r.get(k, float("nan"))
print()
print(f"Signal bus benchmark ({sys.argv[1]})")
print(f"baseline: plain INSERT+COMMIT of the same JSON, same threads and signals per transaction: {base:,.0f}/s (ratio 1.00)")
print(f"{'':46}{'Care':>12}{'vs base':>9}{'Modulith':>12}{'vs base':>9}{'Care/Modulith':>15}")
for subs in ("1 subscriber", "10 subscribers"):
    for name, ck, mk in (("committed/s", "committed_per_s", "modulith_committed_per_s"),
                         ("delivered/s (each to all subs)", "delivered_per_s", "modulith_delivered_per_s")):
        c, m = g(f"{ck}[{subs}]"), g(f"{mk}[{subs}]")
        print(f"{name + ', ' + subs:46}{c:>12,.0f}{c/base:>9.2f}{m:>12,.0f}{m/base:>9.2f}{c/m:>15.2f}")
    c, m = g(f"paced_rate_per_s[{subs}]"), g(f"modulith_paced_rate_per_s[{subs}]")
    print(f"{'rate reached when paced at 1,000/s, ' + subs:46}{c:>12,.0f}{'':>9}{m:>12,.0f}{'':>9}{c/m:>15.2f}")
    for name, ck, mk in (("p50 ms, paced, " , "latency_p50_ms", "modulith_latency_p50_ms"),
                         ("p99 ms, paced, ", "latency_p99_ms", "modulith_latency_p99_ms")):
        c, m = g(f"{ck}[{subs}]"), g(f"{mk}[{subs}]")
        print(f"{name + subs:46}{c:>12.2f}{'':>9}{m:>12.2f}{'':>9}{c/m:>15.2f}")
one, ten = g("delivered_per_s[1 subscriber]"), g("delivered_per_s[10 subscribers]")
print(f"Care delivered/s, 10 subscribers vs 1: {ten/one:.2f}  (target >= 0.90)")
print(f"Care delivered/s to 10 subscribers: {ten:,.0f}  (target >= 5,000)")
print(f"Care p99 at 1,000/s, 10 subscribers: {g('latency_p99_ms[10 subscribers]'):.2f} ms  (target <= 20)")
PY
