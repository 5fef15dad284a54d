-- Durable delivery of outbox signals to subscribers (core's own listeners and plugs).
-- One row per subscriber, not per signal: the write path does not grow with the number of subscribers.
CREATE TABLE signal_subscription (
    name            varchar(100) PRIMARY KEY,
    -- Every signal with seq <= position has been handled (or dead-lettered) by this subscriber.
    position        bigint       NOT NULL DEFAULT 0,
    -- The instance delivering for this subscriber; several instances share a database, one delivers at a time.
    lease_owner     varchar(100),
    lease_until     timestamptz,
    delivered       bigint       NOT NULL DEFAULT 0,
    failed          bigint       NOT NULL DEFAULT 0,
    last_error      varchar(2000),
    last_error_at   timestamptz,
    -- Set by an operator's replay request; the leaseholder rewinds to it once.
    rewind_to       bigint,
    -- Set by an operator; the leaseholder retries the open dead letters once, in order.
    replay_requested boolean     NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);

-- Signals a subscriber gave up on after its retries, kept for inspection and replay. Later signals of the
-- same aggregate are parked here too (without being tried), so the subscriber never sees them out of order.
CREATE TABLE signal_dead_letter (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscriber      varchar(100) NOT NULL REFERENCES signal_subscription (name),
    seq             bigint       NOT NULL,
    signal_id       uuid         NOT NULL,
    type            varchar(120) NOT NULL,
    aggregate_type  varchar(60)  NOT NULL,
    aggregate_id    uuid         NOT NULL,
    attempts        integer      NOT NULL,
    error           varchar(4000),
    parked          boolean      NOT NULL DEFAULT false,
    status          varchar(10)  NOT NULL DEFAULT 'OPEN',
    created_at      timestamptz  NOT NULL DEFAULT now(),
    resolved_at     timestamptz,
    CONSTRAINT signal_dead_letter_status_chk CHECK (status IN ('OPEN', 'REPLAYED', 'DISCARDED')),
    CONSTRAINT signal_dead_letter_uq UNIQUE (subscriber, seq)
);
CREATE INDEX signal_dead_letter_open_idx ON signal_dead_letter (subscriber, aggregate_type, aggregate_id) WHERE status = 'OPEN';
