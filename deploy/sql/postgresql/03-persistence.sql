-- TelephonyHub: Orleans ADO.NET schema for PostgreSQL, part 3 of 5: grain state (the "telephonyhub" storage).
--
-- One row per (service, state type, grain). Orleans finds a row by two int hashes (@GrainIdHash, @GrainTypeHash) and
-- confirms it with the full identity: @GrainIdN0/@GrainIdN1 (a GUID's two halves, or 0 and an integer key),
-- @GrainIdExtensionString (a string key, or the key extension; NULL when there is none), @GrainTypeString and
-- @ServiceId. A missing key extension is stored as '' so that the identity can be a primary key (PostgreSQL treats
-- NULLs in a key as all different); Orleans never creates a grain whose key extension is the empty string.
--
-- Single activation is only as safe as this table's optimistic concurrency: every write names the version it read
-- (@GrainStateVersion, NULL for "I saw no row") and gets the next version back in NewGrainStateVersion. When the row
-- moved on meanwhile, the statement returns no row and Orleans raises InconsistentStateException instead of
-- overwriting someone else's state.
--
-- PayloadBinary holds whatever the configured IGrainStorageSerializer produced (TelephonyHub uses Orleans' own
-- binary serializer, see src/TelephonyHub.Silo/Storage/StorageSiloBuilderExtensions.cs).

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    ServiceId              varchar(150) NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeString        text         NOT NULL,
    GrainIdExtensionString text         NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NOT NULL,

    CONSTRAINT PK_OrleansStorage PRIMARY KEY
        (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
);

-- The stored state and its version; no row when the grain never wrote (or its row was deleted).
-- A cleared state is a row with a NULL payload and a version, so a later write still has something to check against.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $query$
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '');
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Writes the state. With a @GrainStateVersion: updates the row only if it is still at that version. Without one:
-- creates the row only if there is none (ON CONFLICT DO NOTHING also covers two first writers racing).
-- Returns NewGrainStateVersion, or no row on a conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $query$
WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
    WHERE @GrainStateVersion IS NOT NULL
      AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
      AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString,
         PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainIdN0, @GrainIdN1, @GrainTypeString,
           COALESCE(@GrainIdExtensionString, ''), @PayloadBinary, now(), 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT Version AS NewGrainStateVersion FROM inserted;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- ClearStateAsync (the default, DeleteStateOnClear = false): keeps the row with a NULL payload and the next version.
-- Returns that version, or no row on a conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $query$
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
  AND Version = @GrainStateVersion
RETURNING Version;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- ClearStateAsync with DeleteStateOnClear = true: removes the row. Orleans treats a returned version equal to the
-- one it sent as a conflict, so a successful delete answers with the next version; a conflict returns no row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $query$
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS Version;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
