-- Every recorded call, once: event_id is the idempotency key of the stream and of Record.
CREATE TABLE metrics.call_events (
    event_id               text        PRIMARY KEY,
    event_time             timestamptz NOT NULL,
    model                  text        NOT NULL,
    provider               text        NOT NULL,
    agent_id               text        NOT NULL,
    team                   text        NOT NULL,
    tier                   smallint    NOT NULL,
    status                 smallint    NOT NULL,
    latency_ms             bigint      NOT NULL,
    time_to_first_token_ms bigint      NOT NULL,
    input_tokens           bigint      NOT NULL,
    output_tokens          bigint      NOT NULL,
    cost_micros            bigint      NOT NULL,
    fallback_depth         integer     NOT NULL,
    strategy               smallint    NOT NULL,
    request_id             text        NOT NULL,
    task_id                text        NOT NULL,
    attempt_count          integer     NOT NULL,
    streamed               boolean     NOT NULL,
    cache_hit              boolean     NOT NULL,
    error_message          text        NOT NULL,
    task_type              smallint    NOT NULL,
    cached_input_tokens    bigint      NOT NULL,
    source                 text        NOT NULL,
    recorded_at            timestamptz NOT NULL DEFAULT now()
);

-- Events arrive roughly in time order, so a BRIN index makes time-range scans cheap at almost no
-- cost to ingestion (reports never read this table; audits and ad-hoc queries do).
CREATE INDEX call_events_event_time ON metrics.call_events USING brin (event_time);

-- Element-wise sum of two latency histograms of any lengths (see LatencyBuckets.cs). PL/pgSQL
-- updates the array in place, about three times faster than an unnest/array_agg SQL function.
CREATE FUNCTION metrics.histogram_add(a bigint[], b bigint[]) RETURNS bigint[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    a_length integer := coalesce(array_length(a, 1), 0);
    b_length integer := coalesce(array_length(b, 1), 0);
    result bigint[] := a;
BEGIN
    IF a_length < b_length THEN
        result := result || array_fill(0::bigint, ARRAY[b_length - a_length]);
    END IF;
    FOR i IN 1..b_length LOOP
        result[i] := result[i] + b[i];
    END LOOP;
    RETURN result;
END
$$;

-- Roll-ups, maintained in the transaction that inserts the raw events. grain: 1 minute, 2 hour,
-- 3 day (UTC). Latency statistics and histograms cover OK calls; time to first token covers
-- streamed OK calls; busy_ms sums the latency of every call (calls in flight, by Little's law).
CREATE TABLE metrics.model_rollups (
    grain               smallint    NOT NULL,
    bucket_start        timestamptz NOT NULL,
    model               text        NOT NULL,
    provider            text        NOT NULL,
    tier                smallint    NOT NULL,
    request_count       bigint      NOT NULL,
    ok_count            bigint      NOT NULL,
    rate_limited_count  bigint      NOT NULL,
    error_count         bigint      NOT NULL,
    timeout_count       bigint      NOT NULL,
    budget_denied_count bigint      NOT NULL,
    cancelled_count     bigint      NOT NULL,
    fallback_count      bigint      NOT NULL,
    latency_sum_ms      bigint      NOT NULL,
    busy_ms             bigint      NOT NULL,
    ttft_count          bigint      NOT NULL,
    ttft_sum_ms         bigint      NOT NULL,
    input_tokens        bigint      NOT NULL,
    output_tokens       bigint      NOT NULL,
    cost_micros         bigint      NOT NULL,
    latency_histogram   bigint[]    NOT NULL,
    ttft_histogram      bigint[]    NOT NULL,
    PRIMARY KEY (grain, bucket_start, model, provider, tier)
) WITH (fillfactor = 70);

-- By agent (with its team and tier): agent, team and tier reports.
CREATE TABLE metrics.agent_rollups (
    grain               smallint    NOT NULL,
    bucket_start        timestamptz NOT NULL,
    agent_id            text        NOT NULL,
    team                text        NOT NULL,
    tier                smallint    NOT NULL,
    request_count       bigint      NOT NULL,
    ok_count            bigint      NOT NULL,
    rate_limited_count  bigint      NOT NULL,
    error_count         bigint      NOT NULL,
    timeout_count       bigint      NOT NULL,
    budget_denied_count bigint      NOT NULL,
    cancelled_count     bigint      NOT NULL,
    fallback_count      bigint      NOT NULL,
    latency_sum_ms      bigint      NOT NULL,
    busy_ms             bigint      NOT NULL,
    ttft_count          bigint      NOT NULL,
    ttft_sum_ms         bigint      NOT NULL,
    input_tokens        bigint      NOT NULL,
    output_tokens       bigint      NOT NULL,
    cost_micros         bigint      NOT NULL,
    latency_histogram   bigint[]    NOT NULL,
    ttft_histogram      bigint[]    NOT NULL,
    PRIMARY KEY (grain, bucket_start, agent_id, team, tier)
) WITH (fillfactor = 70);

-- By agent and model: for model reports of one agent and spend reports of an agent or team (whose
-- baseline cost needs each model's tokens).
CREATE TABLE metrics.agent_model_rollups (
    grain               smallint    NOT NULL,
    bucket_start        timestamptz NOT NULL,
    agent_id            text        NOT NULL,
    team                text        NOT NULL,
    tier                smallint    NOT NULL,
    model               text        NOT NULL,
    provider            text        NOT NULL,
    request_count       bigint      NOT NULL,
    ok_count            bigint      NOT NULL,
    rate_limited_count  bigint      NOT NULL,
    error_count         bigint      NOT NULL,
    timeout_count       bigint      NOT NULL,
    budget_denied_count bigint      NOT NULL,
    cancelled_count     bigint      NOT NULL,
    fallback_count      bigint      NOT NULL,
    latency_sum_ms      bigint      NOT NULL,
    busy_ms             bigint      NOT NULL,
    ttft_count          bigint      NOT NULL,
    ttft_sum_ms         bigint      NOT NULL,
    input_tokens        bigint      NOT NULL,
    output_tokens       bigint      NOT NULL,
    cost_micros         bigint      NOT NULL,
    latency_histogram   bigint[]    NOT NULL,
    ttft_histogram      bigint[]    NOT NULL,
    PRIMARY KEY (grain, bucket_start, agent_id, team, tier, model, provider)
) WITH (fillfactor = 70);
