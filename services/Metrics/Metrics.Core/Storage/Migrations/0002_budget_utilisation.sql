-- Latest utilisation per agent and budget window, from the budget service's threshold events.
-- A row stops counting once its window has ended (utilisation starts over then).
CREATE TABLE metrics.budget_utilisation (
    agent_id            text             NOT NULL,
    budget_window       text             NOT NULL,
    tier                smallint         NOT NULL,
    utilisation_percent double precision NOT NULL,
    threshold_percent   integer          NOT NULL,
    limit_value         bigint           NOT NULL,
    consumed            bigint           NOT NULL,
    window_end_time     timestamptz,
    event_time          timestamptz      NOT NULL,
    event_id            text             NOT NULL,
    PRIMARY KEY (agent_id, budget_window)
);
