-- Access tokens carry the user's token generation; raising it (password change or reset, deactivation, role
-- removal) ends every token issued before.
ALTER TABLE staff_user ADD COLUMN token_generation integer NOT NULL DEFAULT 0;

-- Rotating refresh tokens: each use issues a new one in the same family; a used one presented again means it was
-- stolen, and the whole family is revoked. Only a SHA-256 of the token is stored.
CREATE TABLE refresh_token (
    id          uuid PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES staff_user (id),
    token_hash  varchar(64) NOT NULL,
    generation  integer     NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX refresh_token_hash_uq ON refresh_token (token_hash);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_expires_idx ON refresh_token (expires_at);
