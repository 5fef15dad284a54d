-- One row per (endpoint, signal) to deliver. Deliveries to one endpoint go out in id order, one at a time, so a
-- failing endpoint holds back only its own queue.
CREATE TABLE delivery (
    id              bigserial PRIMARY KEY,
    endpoint        text        NOT NULL,
    signal_id       uuid        NOT NULL,
    signal_type     text        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_status     int,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    UNIQUE (endpoint, signal_id)
);
CREATE INDEX delivery_pending ON delivery (endpoint, id) WHERE status = 'PENDING';

CREATE TABLE endpoint_state (
    endpoint             text PRIMARY KEY,
    consecutive_failures int    NOT NULL DEFAULT 0,
    delivered            bigint NOT NULL DEFAULT 0,
    failed               bigint NOT NULL DEFAULT 0,
    last_status          int,
    last_error           text,
    last_failure_at      timestamptz,
    last_success_at      timestamptz
);
