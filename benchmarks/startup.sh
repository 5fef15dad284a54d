#!/usr/bin/env bash
# Start-up benchmark: time from launch to /q/health/ready answering 200, and the JVM's resident memory then, for
#   ref      a minimal Quarkus app (REST + Jackson + JDBC + health, benchmarks/startup-reference), the reference;
#   core     Care without plugs;
#   census   Care with census;
#   full     Care with census and webhooks;
# each built by ./care build (the deployment's application.properties and the launcher's JVM options included) and
# started as ./care run starts it, against an external PostgreSQL (one database each, migrated by a first,
# uncounted start: the measured starts are warm). Starts alternate between the apps, so load that comes and goes on
# a shared machine hits them alike; the report gives medians, ratios to the reference of the same run and the load
# average during each app's starts.
# All get the launcher's JVM options (src/main/jvm/options.sh), the reference too, so ratios compare the apps alone.
# Usage: ./care bench startup   (BENCH_RUNS=10, BENCH_SKIP_BUILD=1 reuses the last builds, BENCH_APPS="ref core census full",
#                                BENCH_JAVA_OPTS="..." replaces the launcher's JVM options for all of them,
#                                CARE_JAVA=/path/to/bin/java runs all of them on another Java, as ./care run does)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
RUNS=${BENCH_RUNS:-10}
APPS=(${BENCH_APPS:-ref core census full})
OUT="$ROOT/target/bench-startup"
# The launcher's JVM options (care_java_opts), unless BENCH_JAVA_OPTS is set.
# shellcheck source=../src/main/jvm/options.sh
source "$ROOT/src/main/jvm/options.sh"
mkdir -p "$OUT"
command -v psql >/dev/null || { echo "bench: psql is needed to create the benchmark databases" >&2; exit 2; }
command -v curl >/dev/null || { echo "bench: curl is needed to poll readiness" >&2; exit 2; }

plugs_of() { case "$1" in core) echo "" ;; census) echo census ;; full) echo census,webhooks ;; esac; }
app_dir() { [[ "$1" == ref ]] && echo "$ROOT/benchmarks/startup-reference/target" || echo "$OUT/apps/$1"; }

# A deployment config holding only the chosen plugs' lines of plug-config.properties, their paths made absolute.
variant_config() {
  local plugs="$1" file="$2" p
  { echo "plugs=$plugs"
    for p in ${plugs//,/ }; do
      grep -E "^plug\.$p\." "$ROOT/plug-config.properties" | sed -E "s#^(plug\.$p\.source=path:)(.*)#\1$ROOT/\2#"
    done; } > "$file"
}

if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  echo "==> Building the reference app" >&2
  "$ROOT/mvnw" -B -q -f "$ROOT/benchmarks/startup-reference/pom.xml" package -DskipTests >&2
  for app in "${APPS[@]}"; do
    [[ "$app" == ref ]] && continue
    echo "==> Building Care ($app: plugs=$(plugs_of "$app"))" >&2
    mkdir -p "$OUT/config-$app"
    variant_config "$(plugs_of "$app")" "$OUT/config-$app/plug-config.properties"
    CARE_APP_DIR="$OUT/apps/$app" CARE_BUILD_DIR="$OUT/build-$app" \
      "$ROOT/care" build --config "$OUT/config-$app/plug-config.properties" >&2
  done
fi

HZ=$(getconf CLK_TCK)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
loadavg() { cut -d' ' -f1 /proc/loadavg; }

pid=""
stop() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  pid=""
}
trap stop EXIT

# One start of $1: prints "<ms to ready> <rss MB> <load average>"; the log goes to $OUT/logs/<app>-<n>.log.
start_once() {
  local app="$1" n="$2" port mport t0 ms="" rss cpu db="care_bench_startup_$1" load
  local opts=${BENCH_JAVA_OPTS-$(care_java_opts "$(app_dir "$app")/quarkus-app")}
  port=$(free_port); mport=$(free_port)
  load=$(loadavg)
  mkdir -p "$OUT/logs" "$OUT/data-$app"
  t0=$(now_ms)
  set -f # the options split into words, never matched against file names (-Xlog:aot*=off)
  CARE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" CARE_DB_USER=postgres CARE_DB_PASSWORD= CARE_DATA_DIR="$OUT/data-$app" \
    CARE_ADMIN_PASSWORD=bench-admin-password QUARKUS_HTTP_PORT=$port CARE_MANAGEMENT_PORT=$mport QUARKUS_MANAGEMENT_PORT=$mport \
    "$(care_java)" $opts -jar "$(app_dir "$app")/quarkus-app/quarkus-run.jar" >"$OUT/logs/$app-$n.log" 2>&1 &
  pid=$!
  set +f
  while kill -0 "$pid" 2>/dev/null; do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready" || true)" == 200 ]]; then
      ms=$(( $(now_ms) - t0 )); break
    fi
    (( $(now_ms) - t0 > 600000 )) && break
    sleep 0.02
  done
  if [[ -z "$ms" ]]; then
    echo "bench: $app did not become ready; log: $OUT/logs/$app-$n.log" >&2; tail -20 "$OUT/logs/$app-$n.log" >&2; exit 1
  fi
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  # CPU time the JVM used to get there (all its threads; clock ticks of 1/$HZ s): steadier than wall time on a busy machine.
  cpu=$(awk -v hz="$HZ" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
  stop
  echo "$ms $rss $load $cpu"
}

for app in "${APPS[@]}"; do
  psql -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS care_bench_startup_$app WITH (FORCE)" \
    -c "CREATE DATABASE care_bench_startup_$app"
  rm -rf "$OUT/data-$app"
  rm -f "$(app_dir "$app")"/quarkus-app/app-cds*.jsa "$(app_dir "$app")"/quarkus-app/app-*.aot
  echo "==> $app: first start (migrates its database, makes its keys and class archive; not counted)" >&2
  start_once "$app" 0 >/dev/null
done

results="$OUT/results.txt"
echo "# app ms_to_ready rss_mb load_avg_1min cpu_ms_to_ready   java $(care_java_version) ($(command -v "$(care_java)")), options: ${BENCH_JAVA_OPTS-$(care_java_opts "$(app_dir "${APPS[-1]}")/quarkus-app")}" > "$results"
for ((n = 1; n <= RUNS; n++)); do
  for app in "${APPS[@]}"; do
    read -r ms rss load cpu < <(start_once "$app" "$n")
    echo "$app $ms $rss $load $cpu" | tee -a "$results" >&2
  done
done

python3 "$ROOT/benchmarks/startup-report.py" "$results" "${APPS[@]}"
