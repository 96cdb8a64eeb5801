-- TelephonyHub: call recordings on their way to Bitrix24 (added after the Orleans schema and the key ring).
--
-- A recording the PBX uploads (gRPC UploadRecording) or the hub downloads from the PBX's URL is kept here until it is
-- attached to its call in Bitrix24, so that any silo can finish the job when the one that received the file dies.
-- Files are split into chunks (the hub writes 256 KiB): they are written and read one chunk at a time, never held
-- whole in memory, and one statement never carries a whole file. Complete = false while a file is still arriving;
-- a file is only referenced by a call once complete. Attached files are deleted at once; anything older than the
-- retention (Recordings:Retention) is swept by the silos. ReceivedAt comes from the hub's clock, not now().
--
-- Idempotent: safe to run again.

CREATE TABLE IF NOT EXISTS TelephonyHubRecordings
(
    RecordingId varchar(64)  NOT NULL,
    PortalId    varchar(128) NOT NULL,
    CallKey     varchar(512) NOT NULL,
    Size        bigint       NOT NULL DEFAULT 0,
    Sha256      char(64)     NULL,
    Complete    boolean      NOT NULL DEFAULT false,
    ReceivedAt  timestamptz  NOT NULL,

    CONSTRAINT PK_TelephonyHubRecordings PRIMARY KEY (RecordingId)
);

CREATE INDEX IF NOT EXISTS IX_TelephonyHubRecordings_ReceivedAt ON TelephonyHubRecordings (ReceivedAt);

CREATE TABLE IF NOT EXISTS TelephonyHubRecordingChunks
(
    RecordingId varchar(64) NOT NULL,
    ChunkIndex  integer     NOT NULL,
    Data        bytea       NOT NULL,

    CONSTRAINT PK_TelephonyHubRecordingChunks PRIMARY KEY (RecordingId, ChunkIndex)
);
