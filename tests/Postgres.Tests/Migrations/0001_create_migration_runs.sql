-- Every run of a script adds a row here, so the tests can prove each script ran exactly once.
CREATE TABLE migration_runs (
    id     serial      PRIMARY KEY,
    script text        NOT NULL,
    ran_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO migration_runs (script) VALUES ('0001');

-- Holds the migration lock a little, so replicas starting together really queue behind it.
SELECT pg_sleep(0.5);
