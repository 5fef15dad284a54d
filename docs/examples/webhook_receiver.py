#!/usr/bin/env python3
"""A Care webhook receiver with the Python 3 standard library only.

Checks each request's HMAC-SHA256 signature and age, deduplicates by signal id (delivery is at least once), picks a
handler by signal type and schema version, and answers 2xx only once the signal is handled, so that Care retries
otherwise. Run:  CARE_WEBHOOK_SECRET=... python3 webhook_receiver.py [PORT]
"""
import hashlib
import hmac
import http.server
import json
import os
import sys
import threading
import time

SECRET = os.environ["CARE_WEBHOOK_SECRET"].encode()
MAX_AGE_SECONDS = 300          # refuse replays of old requests
seen = set()                   # in production: a table with the signal id as unique key, written with your change
seen_lock = threading.Lock()   # requests are served on threads of their own


def genuine(headers, body):
    """X-Care-Signature is sha256= + hex HMAC-SHA256(secret, X-Care-Timestamp + "." + body as received)."""
    timestamp = headers.get("X-Care-Timestamp", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_AGE_SECONDS:
        return False
    expected = "sha256=" + hmac.new(SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, headers.get("X-Care-Signature", ""))


def admitted_v1(signal):
    return {"patient": signal["patientId"], "bed": signal["bedId"]}


def facility_created_v1(signal):
    return {"facility": signal["facilityId"], "name": signal["name"]}


# One handler per type and version you understand; a new version of a type arrives beside the old one for a while.
HANDLERS = {
    ("care.encounter.patient-admitted", 1): admitted_v1,
    ("care.facility.created", 1): facility_created_v1,
}


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if not genuine(self.headers, body):
            return self.answer(401)
        # ce-id when the endpoint has cloudevents=true; X-Care-Signal-Id always. Both are the signal id.
        signal_id = self.headers.get("ce-id") or self.headers["X-Care-Signal-Id"]
        with seen_lock:
            if signal_id in seen:
                print(json.dumps({"duplicate": signal_id}), flush=True)
                return self.answer(204)
            signal = json.loads(body)
            key = (signal["envelope"]["type"], signal["envelope"]["schemaVersion"])
            handler = HANDLERS.get(key)
            result = handler(signal) if handler else "not handled here"
            seen.add(signal_id)
        print(json.dumps({"id": signal_id, "type": key[0], "version": key[1], "subject": self.headers.get("ce-subject"),
                          "result": result}), flush=True)
        self.answer(204)

    def answer(self, status):
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 8000), Receiver)
    print(json.dumps({"listening": server.server_port}), flush=True)
    server.serve_forever()
