-- Transactional outbox of domain signals. A row is written in the same transaction as the change it
-- describes, so a signal exists exactly when the change committed.
-- seq orders signals; tx_id lets readers wait for older transactions still in flight: sequence values are
-- taken before commit, so a row with a lower seq can become visible after one with a higher seq.
CREATE TABLE signal_outbox (
    seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id           xid8         NOT NULL DEFAULT pg_current_xact_id(),
    signal_id       uuid         NOT NULL,
    type            varchar(120) NOT NULL,
    schema_version  integer      NOT NULL,
    aggregate_type  varchar(60)  NOT NULL,
    aggregate_id    uuid         NOT NULL,
    facility_id     uuid,
    occurred_at     timestamptz  NOT NULL,
    actor           varchar(150),
    correlation_id  varchar(100),
    payload         jsonb        NOT NULL,
    CONSTRAINT signal_outbox_signal_id_uq UNIQUE (signal_id)
);
CREATE INDEX signal_outbox_type_idx ON signal_outbox (type, seq);
CREATE INDEX signal_outbox_occurred_idx ON signal_outbox (occurred_at);
