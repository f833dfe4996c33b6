-- The same version as Migrations/0001, edited after it was applied.
CREATE TABLE migration_runs (
    id     serial PRIMARY KEY,
    script text   NOT NULL
);
INSERT INTO migration_runs (script) VALUES ('0001');
