#!/usr/bin/env bash
# Figures of an image against the same build outside a container (not part of the tests):
#   ./care image-stats [TAG] [--app DIR] [--runs N]
# TAG defaults to care:jvm, DIR (holding quarkus-app/) to target/care-app. For each side, N times (default 3):
# a first start on an empty data folder (the embedded PostgreSQL is initialised) and a second start on it;
# time from the start command to /q/health/ready answering 200, and the memory then: the JVM's RSS, and the
# proportional set size (PSS) of all processes, which counts PostgreSQL's shared memory once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
engine="$here/engine"
tag=care:jvm app="$root/target/care-app" runs=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --app) app="$(cd "$2" && pwd)"; shift ;;
    --runs) runs="$2"; shift ;;
    -*) echo "image-stats: unknown option $1" >&2; exit 2 ;;
    *) tag="$1" ;;
  esac
  shift
done
command -v curl >/dev/null || { echo "image-stats: needs curl" >&2; exit 3; }
work="$(mktemp -d "${TMPDIR:-/tmp}/care-stats.XXXXXX")"
chmod 755 "$work"
cleanup() { "$engine" rm -f "care-stats-$$" >/dev/null 2>&1 || true; "$engine" volume rm -f "care-stats-$$" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }
now_ms() { date +%s%3N; }
await_ready() { # port start_ms -> ms to ready
  local port=$1 t0=$2
  for _ in $(seq 1 1200); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready" || true)" == 200 ]]; then
      echo $(( $(now_ms) - t0 )); return
    fi
    sleep 0.1
  done
  echo "image-stats: not ready after 120 s" >&2; return 1
}
kb() { awk '{s+=$2} END {print s+0}'; }
# Memory of a process tree on this host: "<java rss kB> <pss of all kB>"
memory_of() {
  local pids=("$@") rss pss
  rss=$(grep VmRSS "/proc/${pids[0]}/status" | kb)
  pss=$(for p in "${pids[@]}"; do grep -h '^Pss:' "/proc/$p/smaps_rollup" 2>/dev/null; done | kb)
  echo "$rss $pss"
}
tree() { local p=$1; echo "$p"; for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do tree "$c"; done; }

size=$("$engine" image inspect --format '{{.Size}}' "$tag")
printf 'image %s: %d MB\n' "$tag" $((size / 1000000))
printf '%-10s %-6s %10s %12s %12s\n' where start ready_ms java_rss_MB all_pss_MB
for i in $(seq 1 "$runs"); do
  # Outside: java -jar on the host, embedded PostgreSQL in a fresh folder. The server is handed to init once pg_ctl
  # returns, so its processes are found by their data folder.
  data="$work/data-$i"; mkdir -p "$data"
  for start in first second; do
    port=$(free_port); t0=$(now_ms)
    CARE_DB=embedded CARE_DATA_DIR="$data" QUARKUS_HTTP_PORT=$port CARE_ADMIN_PASSWORD=stats-admin-password \
      java ${JAVA_OPTS:-} -jar "$app/quarkus-app/quarkus-run.jar" > "$work/out-$i-$start.log" 2>&1 &
    pid=$!
    ms=$(await_ready "$port" "$t0"); sleep 2
    pg=$(pgrep -f "postgres -D $data/db/pg-data" | tr '\n' ' ')
    read -r rss pss < <(memory_of $pid $pg)
    printf '%-10s %-6s %10d %12d %12d\n' host "$start" "$ms" $((rss / 1024)) $((pss / 1024))
    kill -TERM $pid; wait $pid || true
  done
  # Inside: the image, the data in a fresh volume; memory read through /proc of the container's processes.
  "$engine" volume rm -f "care-stats-$$" >/dev/null 2>&1 || true
  for start in first second; do
    port=$(free_port); t0=$(now_ms)
    "$engine" run -d --name "care-stats-$$" --network=host -e QUARKUS_HTTP_PORT=$port -e CARE_ADMIN_PASSWORD=stats-admin-password \
      -v "care-stats-$$:/deployments/data" "$tag" >/dev/null
    ms=$(await_ready "$port" "$t0"); sleep 2
    read -r rss pss < <("$engine" exec "care-stats-$$" bash -c \
      'r=$(grep VmRSS /proc/1/status | tr -s " " | cut -d" " -f2); p=0; for f in /proc/[0-9]*/smaps_rollup; do v=$(grep "^Pss:" "$f" 2>/dev/null | tr -s " " | cut -d" " -f2); p=$((p + ${v:-0})); done; echo "$r $p"')
    printf '%-10s %-6s %10d %12d %12d\n' container "$start" "$ms" $((rss / 1024)) $((pss / 1024))
    "$engine" stop -t 60 "care-stats-$$" >/dev/null; "$engine" rm "care-stats-$$" >/dev/null
  done
done
