-- TelephonyHub: call recordings on their way to Bitrix24 (added after the Orleans schema and the key ring).
--
-- Same tables and rules as deploy/sql/postgresql/06-recordings.sql: files kept in chunks (256 KiB) until attached in
-- Bitrix24, written and read one chunk at a time; Complete = 0 while a file is still arriving; ReceivedAt (ISO 8601
-- UTC text from the hub's clock) drives the retention sweep. Each chunk is its own short write, so an upload never
-- holds SQLite's single writer lock for the time the file takes to arrive.
--
-- Idempotent: safe to run again.

CREATE TABLE IF NOT EXISTS TelephonyHubRecordings
(
    RecordingId TEXT    NOT NULL PRIMARY KEY,
    PortalId    TEXT    NOT NULL,
    CallKey     TEXT    NOT NULL,
    Size        INTEGER NOT NULL DEFAULT 0,
    Sha256      TEXT    NULL,
    Complete    INTEGER NOT NULL DEFAULT 0,
    ReceivedAt  TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS IX_TelephonyHubRecordings_ReceivedAt ON TelephonyHubRecordings (ReceivedAt);

CREATE TABLE IF NOT EXISTS TelephonyHubRecordingChunks
(
    RecordingId TEXT    NOT NULL,
    ChunkIndex  INTEGER NOT NULL,
    Data        BLOB    NOT NULL,

    PRIMARY KEY (RecordingId, ChunkIndex)
);
