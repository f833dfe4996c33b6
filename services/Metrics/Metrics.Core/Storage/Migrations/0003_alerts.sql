-- Alert occurrences: one row per firing episode; FIRING until the condition clears.
CREATE TABLE metrics.alerts (
    alert_id       text             PRIMARY KEY,
    kind           smallint         NOT NULL,
    scope          smallint         NOT NULL,
    scope_id       text             NOT NULL,
    state          smallint         NOT NULL,
    severity       smallint         NOT NULL,
    observed_value double precision NOT NULL,
    threshold      double precision NOT NULL,
    unit           text             NOT NULL,
    message        text             NOT NULL,
    start_time     timestamptz      NOT NULL,
    end_time       timestamptz,
    update_time    timestamptz      NOT NULL
);

-- At most one firing occurrence per condition, whatever the number of evaluators.
CREATE UNIQUE INDEX alerts_one_firing ON metrics.alerts (kind, scope, scope_id) WHERE state = 1;
CREATE INDEX alerts_newest_first ON metrics.alerts (start_time DESC, alert_id DESC);

-- Every change of an alert, in order; replicas follow it to feed WatchAlerts.
CREATE TABLE metrics.alert_changes (
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id       text             NOT NULL REFERENCES metrics.alerts (alert_id),
    change         smallint         NOT NULL,
    state          smallint         NOT NULL,
    severity       smallint         NOT NULL,
    observed_value double precision NOT NULL,
    message        text             NOT NULL,
    end_time       timestamptz,
    update_time    timestamptz      NOT NULL
);
