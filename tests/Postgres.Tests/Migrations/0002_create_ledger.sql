CREATE TABLE ledger (
    id       bigserial PRIMARY KEY,
    agent_id text      NOT NULL,
    tokens   bigint    NOT NULL CHECK (tokens >= 0)
);
INSERT INTO migration_runs (script) VALUES ('0002');
