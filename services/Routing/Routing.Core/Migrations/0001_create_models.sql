-- Catalog models written through the admin RPCs. A row overrides the configured model of the same
-- name; a row with deleted = true is a tombstone that hides a configured model.
CREATE TABLE models (
    name        text PRIMARY KEY,
    spec        jsonb,
    deleted     boolean NOT NULL DEFAULT false,
    revision    bigint NOT NULL,
    create_time timestamptz NOT NULL,
    update_time timestamptz NOT NULL
);
