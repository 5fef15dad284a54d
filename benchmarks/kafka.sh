#!/usr/bin/env bash
# kafka-export benchmark: export throughput (signals/s acknowledged by the broker) and commit -> broker-ack latency
# at a paced 1,000 signals/s, with the plain INSERT+COMMIT baseline in the same run, on the local PostgreSQL and a
# single-node Kafka (KRaft) started here from Maven Central's kafka_2.13. Usage: ./care bench kafka
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
SIGNALS=${BENCH_SIGNALS:-20000}
THREADS=${BENCH_THREADS:-8}
RATE=${BENCH_RATE:-1000}
SECONDS_PACED=${BENCH_LATENCY_SECONDS:-10}
OUT="$ROOT/target/bench-kafka"
rm -rf "$OUT" && mkdir -p "$OUT"

command -v psql >/dev/null || { echo "bench: psql is needed to create the benchmark database" >&2; exit 2; }
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  echo "==> Building the benchmark application" >&2
  "$ROOT/mvnw" -B -q -DskipTests install -pl plugs/kafka-export/runtime,plugs/kafka-export/deployment -am >&2
  "$ROOT/mvnw" -B -q -f "$ROOT/benchmarks/bench-support/pom.xml" -DskipTests install >&2
  "$ROOT/mvnw" -B -q -f "$ROOT/benchmarks/kafka-bench/pom.xml" -DskipTests package >&2
fi
APP="$ROOT/benchmarks/kafka-bench/target/quarkus-app"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port); CPORT=$(free_port)
cat > "$OUT/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CPORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CPORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$OUT/kafka-data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPS
CP="$APP/lib/main/*"
java -cp "$CP" kafka.tools.StorageTool format -t q1Sh-9_ISia_zwGINzRvyQ -c "$OUT/server.properties" > "$OUT/kafka.log" 2>&1
java -Xmx512m -cp "$CP" kafka.Kafka "$OUT/server.properties" >> "$OUT/kafka.log" 2>&1 &
KAFKA_PID=$!
trap 'kill $KAFKA_PID 2>/dev/null || true' EXIT
for _ in $(seq 600); do (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done

echo "==> Care with kafka-export -> Kafka on 127.0.0.1:$PORT" >&2
psql -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS care_bench_kafka WITH (FORCE)" \
  -c "CREATE DATABASE care_bench_kafka"
CARE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/care_bench_kafka" CARE_DB_USER=postgres CARE_DATA_DIR="$OUT/data" \
  java -Xmx1g -Dbench.signals="$SIGNALS" -Dbench.threads="$THREADS" -Dbench.rate="$RATE" -Dbench.latency-seconds="$SECONDS_PACED" \
    -Dplug.kafka-export.config.bootstrap-servers="127.0.0.1:$PORT" -Dcare.admin.password=bench-admin-password \
    -jar "$APP/quarkus-run.jar" | grep '^RESULT' | tee "$OUT/results.txt"
