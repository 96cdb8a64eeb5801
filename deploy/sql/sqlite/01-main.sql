-- TelephonyHub: Orleans ADO.NET schema for SQLite (the embedded single-machine default), part 1 of 4: the query table.
--
-- Same contract as deploy/sql/postgresql (see deploy/sql/README.md): the Orleans ADO.NET providers read every
-- statement they run from OrleansQuery and bind named parameters. SQLite is used for grain state and reminders only;
-- there is no SQLite clustering provider, so the embedded silo uses localhost clustering.
--
-- Idempotent: safe to run again (tables are created only when missing, query rows are upserted).
-- Query texts are SQL string literals here, so a quote inside a query is written twice ('''').
-- WAL journal mode is switched on by the installer, outside the transaction these scripts run in (SQLite refuses to
-- change the journal mode inside a transaction); it then sticks to the database file.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL,
    QueryText TEXT NOT NULL,

    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
