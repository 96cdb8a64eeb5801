-- TelephonyHub: Orleans ADO.NET schema for PostgreSQL, part 1 of 5: the query table.
--
-- The Orleans ADO.NET providers carry no SQL of their own: at start they read every statement they run from
-- OrleansQuery (QueryKey -> QueryText) and bind named parameters (@DeploymentId, @GrainStateVersion, ...).
-- The other scripts fill this table; see deploy/sql/README.md for the contract they implement.
--
-- Idempotent: safe to run again on a live database (tables are created only when missing, query rows are upserted).
-- Identifiers are unquoted on purpose: PostgreSQL folds them to lower case, both here and in the statements the
-- Orleans DLLs send (e.g. "SELECT QueryKey, QueryText FROM OrleansQuery"), and Npgsql matches result columns
-- case-insensitively.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
