#!/usr/bin/env bash
# Signal bus soak: a steady rate of signals, one per transaction, to 10 subscribers for 30 minutes on the local
# PostgreSQL, printing heap (after GC), delivery lag, commit-to-handler p99 and the outbox's rows and size every 30 s.
# Not part of the tests. Usage: ./care bench soak
#   BENCH_SOAK_MINUTES (30), BENCH_RATE (500), BENCH_SUBSCRIBERS (10), BENCH_SOAK_REPORT_SECONDS (30), BENCH_SOAK_WRITERS (4),
#   BENCH_SOAK_RETENTION (PT5M: how long delivered signals stay, so the outbox levels off within the run)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
MINUTES=${BENCH_SOAK_MINUTES:-30}
RATE=${BENCH_RATE:-500}
SUBS=${BENCH_SUBSCRIBERS:-10}
REPORT=${BENCH_SOAK_REPORT_SECONDS:-30}
WRITERS=${BENCH_SOAK_WRITERS:-4}
RETENTION=${BENCH_SOAK_RETENTION:-PT5M}
DB=${BENCH_SOAK_DB:-care_bench_soak}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

command -v psql >/dev/null || { echo "bench soak: psql is needed to create the benchmark database" >&2; exit 2; }
paused() { # all bench subscribers from index $1 on
  local list=() i
  for ((i = $1; i < 10; i++)); do list+=("$(printf 'bench-%02d' "$i")"); done
  local IFS=,; echo "${list[*]}"
}

if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  echo "==> Building the benchmark application" >&2
  "$ROOT/mvnw" -B -q -Pbench -DskipTests install >&2
fi
psql -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
echo "==> Care soak: $RATE signals/s to $SUBS subscribers for $MINUTES min (retention $RETENTION, prune every 30 s)" >&2
CARE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" CARE_DB_USER=postgres CARE_DATA_DIR="$OUT/data" \
  java -Xmx512m -Dbench.mode=soak -Dbench.rate="$RATE" -Dbench.subscribers="$SUBS" -Dbench.soak-minutes="$MINUTES" \
    -Dbench.soak-report-seconds="$REPORT" -Dbench.soak-writers="$WRITERS" -Dcare.bus.retention="$RETENTION" -Dcare.bus.prune-interval=PT30S \
    -Dcare.bus.paused-subscribers="$(paused "$SUBS")" -Dcare.admin.password=bench-admin-password \
    -jar "$ROOT/benchmarks/care-bench/target/quarkus-app/quarkus-run.jar" | grep --line-buffered '^SOAK' | tee "$OUT/soak.txt"
