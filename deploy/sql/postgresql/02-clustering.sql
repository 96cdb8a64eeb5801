-- TelephonyHub: Orleans ADO.NET schema for PostgreSQL, part 2 of 5: cluster membership.
--
-- Membership is optimistic: every change to a member row must also move the table version
-- (OrleansMembershipVersionTable.Version) from the @Version the silo last read to the next one, in the same
-- statement. A silo that read a stale version gets FALSE back, re-reads the table and retries; that is what keeps
-- two silos from declaring each other dead at the same time. Each conditional statement therefore locks the version
-- row first (UPDATE ... WHERE Version = @Version) and touches the member row only when that succeeded.
--
-- Parameters bound by Orleans.Clustering.AdoNet 10.4.2: @DeploymentId (the ClusterId), @Address, @Port, @Generation,
-- @SiloName, @HostName, @Status (SiloStatus as int: 3 = Active, 6 = Dead), @ProxyPort, @StartTime, @IAmAliveTime
-- (UTC timestamps), @SuspectTimes ("silo,date|silo,date" or NULL), @Version (int).

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),
    Version      integer      NOT NULL DEFAULT 0,

    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address      varchar(45)  NOT NULL,
    Port         integer      NOT NULL,
    Generation   integer      NOT NULL,
    SiloName     text         NOT NULL,
    HostName     text         NOT NULL,
    Status       integer      NOT NULL,
    -- 0 when the silo runs no gateway; never NULL because Orleans reads it as an int.
    ProxyPort    integer      NOT NULL DEFAULT 0,
    SuspectTimes text         NULL,
    StartTime    timestamptz  NOT NULL,
    IAmAliveTime timestamptz  NOT NULL,

    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE
);

-- Creates the version row of a cluster once. Returns one row: TRUE when this call created it.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $query$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS Created;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Adds a silo if the table is still at @Version. Returns one row: TRUE when the row was added.
-- A stale @Version locks nothing and inserts nothing; an already present silo row leaves the bumped version behind,
-- which only makes other writers re-read (harmless), never loses a change.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $query$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    RETURNING DeploymentId
), inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT bumped.DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           @StartTime, @IAmAliveTime
    FROM bumped
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted) AS Inserted;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Changes a silo's status and suspicions if the table is still at @Version. Returns one row: TRUE when updated.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $query$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    RETURNING DeploymentId
), updated AS (
    UPDATE OrleansMembershipTable AS member
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped
    WHERE member.DeploymentId = bumped.DeploymentId
      AND member.Address = @Address AND member.Port = @Port AND member.Generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated) AS Updated;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- The heartbeat. Not versioned: Orleans writes it outside the optimistic protocol.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $query$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- One silo's row plus the table version. The LEFT JOIN matters: Orleans takes the version from the first row, so a
-- silo that has no row yet must still get one row (member columns NULL) as long as the cluster exists.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $query$
SELECT version_row.DeploymentId, member.Address, member.Port, member.Generation, member.SiloName, member.HostName,
       member.Status, member.ProxyPort, member.SuspectTimes, member.StartTime, member.IAmAliveTime,
       version_row.Version
FROM OrleansMembershipVersionTable AS version_row
LEFT JOIN OrleansMembershipTable AS member
       ON member.DeploymentId = version_row.DeploymentId
      AND member.Address = @Address AND member.Port = @Port AND member.Generation = @Generation
WHERE version_row.DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Every silo of the cluster plus the table version (same shape and LEFT JOIN reason as MembershipReadRowKey).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $query$
SELECT version_row.DeploymentId, member.Address, member.Port, member.Generation, member.SiloName, member.HostName,
       member.Status, member.ProxyPort, member.SuspectTimes, member.StartTime, member.IAmAliveTime,
       version_row.Version
FROM OrleansMembershipVersionTable AS version_row
LEFT JOIN OrleansMembershipTable AS member ON member.DeploymentId = version_row.DeploymentId
WHERE version_row.DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Gateways clients may connect to: active silos (@Status = 3) that run a gateway.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $query$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Forgets a whole cluster (tests and tooling). Member rows go with the version row (ON DELETE CASCADE).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $query$
DELETE FROM OrleansMembershipVersionTable
WHERE DeploymentId = @DeploymentId;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Hourly clean-up (by default) of silos declared dead (Status 6) that have not been alive since @IAmAliveTime.
-- Orleans 10.4.2 prefers CleanupDefunctSiloEntryKey below when present; this one stays for the contract.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = 6 AND IAmAliveTime < @IAmAliveTime;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Deletes one dead silo's row, but only if it is still exactly the row Orleans judged defunct (same start, heartbeat
-- and suspicions): a row that changed since then is left for the next round. NULL and '' suspicions are the same
-- thing to Orleans, hence the COALESCE.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $query$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
