-- Every signal pays for each index of the outbox in its business transaction (issue 13 item 2).
-- (type, seq) served no query of Care's: readers go by seq, the pruner by seq, replay from a time by occurred_at.
DROP INDEX IF EXISTS signal_outbox_type_idx;
-- occurred_at grows with seq, so a BRIN index (a few pages, summarised per block range) finds the rows before a time
-- for replay and retention at a fraction of a B-tree's insert cost.
DROP INDEX IF EXISTS signal_outbox_occurred_idx;
CREATE INDEX signal_outbox_occurred_brin ON signal_outbox USING brin (occurred_at);
