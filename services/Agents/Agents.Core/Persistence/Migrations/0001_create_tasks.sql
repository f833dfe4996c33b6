-- Agent execution: custom agent types, tasks, their steps and their events.

CREATE TABLE agent_types (
    name        text PRIMARY KEY,
    definition  bytea NOT NULL,          -- platform.agents.v1.AgentType, normalized, output-only fields cleared
    etag        text NOT NULL,
    create_time timestamptz NOT NULL,
    update_time timestamptz NOT NULL
);

CREATE TABLE tasks (
    task_id               text PRIMARY KEY,
    agent_id              text NOT NULL,
    agent_type            text NOT NULL,
    tier                  smallint NOT NULL,
    spec                  bytea NOT NULL,      -- TaskSpec with defaults resolved
    type_snapshot         bytea NOT NULL,      -- the AgentType as it was at submission
    request_hash          text NOT NULL,       -- SpecFingerprint of the spec as sent
    idempotency_key       text,                -- NULL when the caller sent none
    state                 smallint NOT NULL,   -- TaskState
    outcome               smallint NOT NULL DEFAULT 0,
    outcome_reason        text NOT NULL DEFAULT '',
    result                text NOT NULL DEFAULT '',
    iteration_count       integer NOT NULL DEFAULT 0,
    last_step             integer NOT NULL DEFAULT 0,
    input_tokens          bigint NOT NULL DEFAULT 0,
    output_tokens         bigint NOT NULL DEFAULT 0,
    cached_input_tokens   bigint NOT NULL DEFAULT 0,
    cost_micros           bigint NOT NULL DEFAULT 0,
    window_tokens_saved   bigint NOT NULL DEFAULT 0,
    context_tokens_sent   bigint NOT NULL DEFAULT 0,
    context_bytes_saved   bigint NOT NULL DEFAULT 0,
    warnings              smallint NOT NULL DEFAULT 0,   -- bit 1: task warning sent, bit 2: agent warning sent
    create_time           timestamptz NOT NULL,
    start_time            timestamptz,
    end_time              timestamptz,
    update_time           timestamptz NOT NULL,
    call_deadline         timestamptz,         -- RunTask's gRPC deadline, when it had one
    run_attempt           integer NOT NULL DEFAULT 0,
    last_event_sequence   bigint NOT NULL DEFAULT 0,
    cancel_requested      boolean NOT NULL DEFAULT false,
    cancel_reason         text NOT NULL DEFAULT '',
    owner                 text,                -- worker holding the lease while RUNNING
    lease_expires         timestamptz,
    carve_reservation_id  text NOT NULL DEFAULT ''
);

CREATE UNIQUE INDEX tasks_idempotency_key ON tasks (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX tasks_newest ON tasks (create_time DESC, task_id DESC);
CREATE INDEX tasks_agent_newest ON tasks (agent_id, create_time DESC, task_id DESC);
CREATE INDEX tasks_unfinished ON tasks (state, lease_expires) WHERE state <> 3;

CREATE TABLE steps (
    task_id             text NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
    step_number         integer NOT NULL,
    iteration           integer NOT NULL,
    phase               smallint NOT NULL,     -- StepPhase
    model               text NOT NULL,
    provider            text NOT NULL,
    input_tokens        bigint NOT NULL,
    output_tokens       bigint NOT NULL,
    cached_input_tokens bigint NOT NULL,
    cost_micros         bigint NOT NULL,
    latency_ms          bigint NOT NULL,
    fallback_depth      integer NOT NULL,
    context_tokens      bigint NOT NULL,
    content             text NOT NULL,
    request_id          text NOT NULL,         -- routing's request id (also in the budget ledger)
    create_time         timestamptz NOT NULL,
    PRIMARY KEY (task_id, step_number)
);

CREATE TABLE task_events (
    task_id  text NOT NULL REFERENCES tasks (task_id) ON DELETE CASCADE,
    sequence bigint NOT NULL,
    event    bytea NOT NULL,                   -- platform.agents.v1.TaskEvent
    PRIMARY KEY (task_id, sequence)
);
