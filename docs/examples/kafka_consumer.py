#!/usr/bin/env python3
"""A Kafka consumer of Care's signals (kafka-export plug), with Debian's python3-kafka and python3-jsonschema.

Reads the topic, validates each record against the published JSON Schema of its type and version (the
ce_dataschema header names it), deduplicates by ce_id, picks a handler by type and version, and commits the offset
only after the record was handled: at least once, like Care itself.

    python3 docs/examples/kafka_consumer.py --bootstrap localhost:9092 --topic care.signals \
        --schemas bus-contracts/schemas --group my-registry
"""
import argparse
import json
import os
import sys

import jsonschema
from kafka import KafkaConsumer

# Handlers by (type, version). A version you do not handle yet is acknowledged, not failed.
HANDLERS = {
    ("care.patient.registered", 1): lambda s: {"patient": s["patientId"]},
    ("care.patient.updated", 1): lambda s: {"patient": s["patientId"], "changed": s["changedFields"]},
    ("care.encounter.patient-admitted", 1): lambda s: {"encounter": s["encounterId"], "bed": s["bedId"]},
}


def load_schemas(folder):
    """Validators by dataschema URI ($id), from the checked-in schemas (or GET /api/v1/bus/asyncapi)."""
    validators = {}
    for name in os.listdir(folder):
        if name.endswith(".schema.json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                schema = json.load(f)
            validators[schema["$id"]] = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return validators


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bootstrap", default="localhost:9092")
    p.add_argument("--topic", default="care.signals")
    p.add_argument("--schemas", default="bus-contracts/schemas")
    p.add_argument("--group", default="example-consumer")
    p.add_argument("--idle-ms", type=int, default=0, help="stop after this long without records (0: run forever)")
    args = p.parse_args()

    validators = load_schemas(args.schemas)
    seen = set()  # in real life: a table with ce_id as unique key, written in the same transaction as your change
    consumer = KafkaConsumer(args.topic, bootstrap_servers=args.bootstrap, group_id=args.group,
                             auto_offset_reset="earliest", enable_auto_commit=False,
                             consumer_timeout_ms=args.idle_ms or float("inf"))
    for record in consumer:
        headers = {k: v.decode("utf-8") for k, v in record.headers}
        ce_id, ce_type = headers["ce_id"], headers["ce_type"]
        version = int(headers["ce_careschemaversion"])
        if ce_id in seen:
            print(json.dumps({"duplicate": ce_id}))
        else:
            signal = json.loads(record.value)
            validator = validators.get(headers["ce_dataschema"])
            errors = [e.message for e in validator.iter_errors(signal)] if validator else ["no schema"]
            handler = HANDLERS.get((ce_type, version))
            if errors:
                print(json.dumps({"id": ce_id, "type": ce_type, "invalid": errors}))
            elif handler is None:
                print(json.dumps({"id": ce_id, "type": ce_type, "version": version, "skipped": "no handler"}))
            else:
                print(json.dumps({"id": ce_id, "type": ce_type, "version": version, "key": record.key.decode("utf-8"),
                                  "partition": record.partition, "offset": record.offset, "result": handler(signal)}))
            seen.add(ce_id)
        sys.stdout.flush()
        consumer.commit()
    consumer.close()


if __name__ == "__main__":
    main()
