-- How far the outbox has been pruned (care.bus.retention): signals up to pruned_to, which occurred up to
-- pruned_through, may be gone (open dead letters keep theirs). Replays must start after both.
CREATE TABLE signal_retention (
    id              boolean      PRIMARY KEY DEFAULT true CHECK (id),
    pruned_to       bigint       NOT NULL DEFAULT 0,
    pruned_through  timestamptz
);
INSERT INTO signal_retention DEFAULT VALUES;
