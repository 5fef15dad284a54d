#!/usr/bin/env bash
# Signal bus benchmark: Care's outbox + subscribers vs a plain insert+commit baseline and vs Spring Modulith's
# JDBC event publication registry, all on the local PostgreSQL, in one run. Usage: ./care bench
# BENCH_SUBSCRIBERS (default "1 10", up to 50; the peer runs for up to 10), BENCH_PER_TX (signals per transaction,
# Care only), BENCH_SIGNALS, BENCH_THREADS, BENCH_PEER=0 (Care and the baseline only), BENCH_DB (database name prefix),
# BENCH_SKIP_BUILD=1 (use the applications as last built).
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
SUBS=${BENCH_SUBSCRIBERS:-1 10}
PEER=${BENCH_PEER:-1}
DB=${BENCH_DB:-care_bench}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

command -v psql >/dev/null || { echo "bench: psql is needed to create the benchmark databases" >&2; exit 2; }
fresh_db() { psql -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "==> Building the benchmark applications" >&2
  "$ROOT/mvnw" -B -q -Pbench -DskipTests -pl benchmarks/care-bench,benchmarks/modulith-peer -am install >&2
fi

paused() { # all bench subscribers from index $1 on
  local list=() i
  for ((i = $1; i < 50; i++)); do list+=("$(printf 'bench-%02d' "$i")"); done
  local IFS=,; echo "${list[*]}"
}

results="$OUT/results.txt"
: > "$results"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt" >&2
for subs in $SUBS; do
  echo "==> Care, $subs subscriber(s) (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  fresh_db "$DB"
  CARE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" CARE_DB_USER=postgres CARE_DATA_DIR="$OUT/data" \
    java -Xmx1g -Dbench.signals="$SIGNALS" -Dbench.threads="$THREADS" -Dbench.per-transaction="$PER_TX" -Dbench.subscribers="$subs" \
      -Dcare.bus.paused-subscribers="$(paused "$subs")" -Dcare.admin.password=bench-admin-password \
      -Dquarkus.management.port=0 -jar "$ROOT/benchmarks/care-bench/target/quarkus-app/quarkus-run.jar" | grep '^RESULT' | tee -a "$results"
  if [[ "$PEER" == 1 && "$subs" -le 10 ]]; then
    echo "==> Spring Modulith JDBC registry, $subs listener(s) (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    fresh_db "${DB}_peer"
    BENCH_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/${DB}_peer" \
      java -Xmx1g -jar "$ROOT/benchmarks/modulith-peer/target/care-bench-modulith-peer-0.1.0-SNAPSHOT.jar" \
        --bench.signals="$SIGNALS" --bench.threads="$THREADS" --bench.subscribers="$subs" | grep '^RESULT' | tee -a "$results"
  fi
done
echo "RESULT load_average_at_end $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$results" >&2

python3 - "$results" "$PER_TX" <<'PY'
import sys
r = {}
bases = []
base_cpu = {}  # each Care run's own baseline CPU (measured just before it), by run label
for line in open(sys.argv[1]):
    parts = line.split()
    key, value = " ".join(parts[1:-1]), float(parts[-1])
    if key == "baseline_insert_commit_per_s":
        bases.append(value)
    if key.startswith("cpu_") and "[" in key:
        label = key[key.index("["):]
        base_cpu[f"baseline_{key[:key.index('[')]}{label}"] = r.get(f"baseline_{key[:key.index('[')]}", float("nan"))
    r[key] = value
# The baseline is measured before each Care run; the report uses their mean.
base = sum(bases) / len(bases) if bases else float("nan")
def g(k): return r.get(k, float("nan"))
def ratio(a, b): return a / b if b == b and b else float("nan")
labels = sorted({k[k.index("[") + 1:-1] for k in r if "[" in k}, key=lambda l: int(l.split()[0]))
print()
print(f"Signal bus benchmark ({sys.argv[1]}), {sys.argv[2]} signal(s) per transaction (Care; the peer always 1)")
print(f"baseline: plain INSERT+COMMIT of the same JSON, same threads and signals per transaction: {base:,.0f}/s (ratio 1.00)"
      f"  [{', '.join(f'{b:,.0f}' for b in bases)}]")
print(f"{'':46}{'Care':>12}{'vs base':>9}{'Modulith':>12}{'vs base':>9}{'Care/Modulith':>15}")
for subs in labels:
    for name, ck, mk in (("committed/s", "committed_per_s", "modulith_committed_per_s"),
                         ("delivered/s (each to all subs)", "delivered_per_s", "modulith_delivered_per_s")):
        c, m = g(f"{ck}[{subs}]"), g(f"{mk}[{subs}]")
        print(f"{name + ', ' + subs:46}{c:>12,.0f}{ratio(c, base):>9.2f}{m:>12,.0f}{ratio(m, base):>9.2f}{ratio(c, m):>15.2f}")
    c, m = g(f"paced_rate_per_s[{subs}]"), g(f"modulith_paced_rate_per_s[{subs}]")
    print(f"{'rate reached when paced at 1,000/s, ' + subs:46}{c:>12,.0f}{'':>9}{m:>12,.0f}{'':>9}{ratio(c, m):>15.2f}")
    for name, ck, mk in (("p50 ms, paced, " , "latency_p50_ms", "modulith_latency_p50_ms"),
                         ("p99 ms, paced, ", "latency_p99_ms", "modulith_latency_p99_ms")):
        c, m = g(f"{ck}[{subs}]"), g(f"{mk}[{subs}]")
        print(f"{name + subs:46}{c:>12.2f}{'':>9}{m:>12.2f}{'':>9}{ratio(c, m):>15.2f}")
# CPU time per signal (this JVM's and its database backends'), steadier than throughput on a shared machine.
print("CPU us per signal (JVM + PostgreSQL backends = total), each Care run against the baseline measured just before it:")
for subs in labels:
    cj, cd = g(f"cpu_jvm_us_per_signal[{subs}]"), g(f"cpu_db_us_per_signal[{subs}]")
    bj = base_cpu.get(f"baseline_cpu_jvm_us_per_signal[{subs}]", float("nan"))
    bd = base_cpu.get(f"baseline_cpu_db_us_per_signal[{subs}]", float("nan"))
    print(f"  {subs}: baseline {bj:.1f} + {bd:.1f} = {bj + bd:.1f}; Care {cj:.1f} + {cd:.1f} = {cj + cd:.1f}"
          f" ({ratio(cj + cd, bj + bd):.2f}x)")
print("Warm-up rounds (until a round left the JIT nearly idle) and JIT compile ms during the measured Care run:")
for subs in labels:
    print(f"  {subs}: Care {g(f'warmup_rounds[{subs}]'):.0f} rounds, {g(f'jit_ms[{subs}]'):.0f} ms compiling while measured;"
          f" Modulith {g(f'modulith_warmup_rounds[{subs}]'):.0f} rounds")
one, ten = g("delivered_per_s[1 subscriber]"), g("delivered_per_s[10 subscribers]")
print(f"Care delivered/s to 10 subscribers vs baseline: {ratio(ten, base):.2f}  (target >= 0.80)")
print(f"Care delivered/s, 10 subscribers vs 1: {ratio(ten, one):.2f}  (target >= 0.95)")
p99 = g("latency_p99_ms[10 subscribers]")
print(f"Care p99 at 1,000/s, 10 subscribers: {p99:.2f} ms  (target <= 1, and <= Modulith's p99 with 1 listener: "
      f"{g('modulith_latency_p99_ms[1 subscriber]'):.2f} ms)")
print(f"load average at the end: {g('load_average_at_end'):.2f}")
PY
