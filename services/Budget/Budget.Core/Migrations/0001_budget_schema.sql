-- The budget service's durable state. Redis holds the hot counters; PostgreSQL holds the registry
-- (source of truth, mirrored into Redis) and the ledger (every decision, from the Redis stream).

-- Every registry change takes the next configuration version; the Redis mirror carries the version
-- it was built from, so replicas never overwrite a newer mirror with an older one.
CREATE SEQUENCE config_version;

CREATE TABLE fleet (
    id          smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    spec        jsonb       NOT NULL,
    update_time timestamptz NOT NULL,
    version     bigint      NOT NULL
);

CREATE TABLE agents (
    agent_id                  text        PRIMARY KEY,
    tier                      smallint    NOT NULL CHECK (tier BETWEEN 1 AND 4),
    hourly_token_limit        bigint,
    daily_token_limit         bigint,
    hourly_usd_limit_micros   bigint,
    daily_usd_limit_micros    bigint,
    warning_threshold_percent integer,
    output_estimate           smallint    NOT NULL,
    team                      text        NOT NULL DEFAULT '',
    display_name              text        NOT NULL DEFAULT '',
    labels                    jsonb       NOT NULL DEFAULT '{}',
    state                     smallint    NOT NULL,
    create_time               timestamptz NOT NULL,
    update_time               timestamptz NOT NULL,
    retire_time               timestamptz,
    version                   bigint      NOT NULL
);

-- One row per Redis stream entry; the entry id (ms-seq) is the key, so a batch written twice
-- (a replica died between COMMIT and XACK) inserts nothing the second time.
CREATE TABLE ledger_entries (
    entry_ms              bigint      NOT NULL,
    entry_seq             bigint      NOT NULL,
    create_time           timestamptz NOT NULL,
    type                  smallint    NOT NULL,
    agent_id              text        NOT NULL DEFAULT '',
    tier                  smallint    NOT NULL DEFAULT 0,
    reservation_id        text        NOT NULL DEFAULT '',
    tokens                bigint      NOT NULL DEFAULT 0,
    cost_micros           bigint      NOT NULL DEFAULT 0,
    held_tokens           bigint      NOT NULL DEFAULT 0,
    held_cost_micros      bigint      NOT NULL DEFAULT 0,
    overage_tokens        bigint      NOT NULL DEFAULT 0,
    overage_cost_micros   bigint      NOT NULL DEFAULT 0,
    counterparty_agent_id text        NOT NULL DEFAULT '',
    model                 text        NOT NULL DEFAULT '',
    denial_reason         smallint    NOT NULL DEFAULT 0,
    reallocation_id       text        NOT NULL DEFAULT '',
    request_id            text        NOT NULL DEFAULT '',
    task_id               text        NOT NULL DEFAULT '',
    idempotency_key       text        NOT NULL DEFAULT '',
    expire_time           timestamptz,
    -- "dim:used:reserved:allowance,..." as the script saw them when it decided (audit trail).
    decision_inputs       text        NOT NULL DEFAULT '',
    message               text        NOT NULL DEFAULT '',
    PRIMARY KEY (entry_ms, entry_seq)
);

CREATE INDEX ledger_entries_agent ON ledger_entries (agent_id, entry_ms DESC, entry_seq DESC);
CREATE INDEX ledger_entries_counterparty ON ledger_entries (counterparty_agent_id, entry_ms DESC, entry_seq DESC)
    WHERE counterparty_agent_id <> '';
CREATE INDEX ledger_entries_reservation ON ledger_entries (reservation_id) WHERE reservation_id <> '';
CREATE INDEX ledger_entries_reallocation ON ledger_entries (reallocation_id) WHERE reallocation_id <> '';
CREATE INDEX ledger_entries_time ON ledger_entries (create_time, type);

-- Per-agent daily roll-up, updated in the same transaction as the entries it sums (only for
-- entries actually inserted), so it always equals the ledger.
CREATE TABLE agent_daily_usage (
    day                     date   NOT NULL,
    agent_id                text   NOT NULL,
    grants                  bigint NOT NULL DEFAULT 0,
    denials                 bigint NOT NULL DEFAULT 0,
    commits                 bigint NOT NULL DEFAULT 0,
    releases                bigint NOT NULL DEFAULT 0,
    expiries                bigint NOT NULL DEFAULT 0,
    warnings                bigint NOT NULL DEFAULT 0,
    committed_tokens        bigint NOT NULL DEFAULT 0,
    committed_cost_micros   bigint NOT NULL DEFAULT 0,
    overage_tokens          bigint NOT NULL DEFAULT 0,
    overage_cost_micros     bigint NOT NULL DEFAULT 0,
    borrowed_tokens         bigint NOT NULL DEFAULT 0,
    borrowed_cost_micros    bigint NOT NULL DEFAULT 0,
    lent_tokens             bigint NOT NULL DEFAULT 0,
    lent_cost_micros        bigint NOT NULL DEFAULT 0,
    reallocated_tokens      bigint NOT NULL DEFAULT 0,
    reallocated_cost_micros bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (day, agent_id)
);

-- RunReallocation's idempotency: a repeat with the same key returns the first run.
CREATE TABLE reallocation_runs (
    idempotency_key text        PRIMARY KEY,
    reallocation_id text        NOT NULL UNIQUE,
    lookback_ms     bigint      NOT NULL,
    moves           jsonb       NOT NULL,
    run_time        timestamptz NOT NULL
);
