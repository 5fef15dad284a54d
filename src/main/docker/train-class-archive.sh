#!/usr/bin/env bash
# The image's class archive (AppCDS), made at image build by a training start: Care starts once, exactly as the image
# starts it (same runtime, same files, same options), on a throwaway embedded PostgreSQL, until /q/health/ready answers;
# then it is stopped with SIGTERM and the JVM writes the classes that start loaded to ARCHIVE at exit. Later starts
# map them instead of reading and verifying them from the jars (measured: ready in about half the time and CPU).
# Usage (Dockerfile.jvm): train-class-archive.sh ARCHIVE [JAR]. Nothing of the training start stays in the image
# but the archive: its data folder (database, token keys) is removed.
set -euo pipefail
archive="$1"
jar="${2:-/deployments/quarkus-run.jar}"
work="$(mktemp -d "${TMPDIR:-/tmp}/care-training.XXXXXX")"
chmod 711 "$work" # run as root, the embedded PostgreSQL drops to another uid that must enter it
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "train-class-archive: $1; the training start's output:" >&2
  tail -40 "$work/care.log" >&2 || true
  exit 1
}

started=$SECONDS
: > "$work/care.log"
mkdir "$work/tmp" # Vert.x' cache and the upload folder go there, not into the image's /tmp
# Port 0: the build may share the host's network, so no fixed port is taken; the log names the one the server got.
env -u CARE_DB_URL -u QUARKUS_DATASOURCE_JDBC_URL CARE_DB=embedded CARE_DATA_DIR="$work/data" CARE_EMBEDDED_DB_PORT=0 \
CARE_ADMIN_PASSWORD="training-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=0 CARE_MANAGEMENT_PORT=0 \
  java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:-UsePerfData -Djava.io.tmpdir="$work/tmp" \
  -jar "$jar" > "$work/care.log" 2>&1 &
pid=$!

ready() { # port: does /q/health/ready answer 200?
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && head -1 <&3 | grep -q ' 200 ') 2>/dev/null
}
port=""
for _ in $(seq 1 1500); do # 300 s
  kill -0 "$pid" 2>/dev/null || fail "Care exited before it was ready"
  [[ -n "$port" ]] || port=$(sed -n 's#.*Listening on: http://127\.0\.0\.1:\([0-9][0-9]*\).*#\1#p;T;q' "$work/care.log")
  if [[ -n "$port" ]] && ready "$port"; then break; fi
  sleep 0.2
done
[[ -n "$port" ]] && ready "$port" || fail "Care was not ready after 300 s"

kill -TERM "$pid"
set +e
wait "$pid"
code=$?
set -e
pid=""
((code == 0 || code == 143)) || fail "Care stopped with exit code $code"
[[ -s "$archive" ]] || fail "the JVM wrote no archive to $archive"
chmod 444 "$archive"
echo "train-class-archive: $(($(stat -c %s "$archive") / 1000000)) MB archive from a training start of $((SECONDS - started)) s"
