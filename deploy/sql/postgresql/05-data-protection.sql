-- TelephonyHub: the ASP.NET Core Data Protection key ring, part 5 of 5.
--
-- Portal tokens are encrypted at rest with Data Protection keys. Every silo must read the same key ring, so the
-- keys live in the shared database, not on the disk of one silo. Rows are only ever added (Data Protection writes a
-- new key element before the old one expires and keeps old ones to decrypt old data).
--
-- Idempotent: safe to run again.

CREATE TABLE IF NOT EXISTS TelephonyHubDataProtectionKeys
(
    Id           bigserial    NOT NULL,
    FriendlyName varchar(256) NOT NULL,
    Xml          text         NOT NULL,
    CreatedAt    timestamptz  NOT NULL DEFAULT now(),

    CONSTRAINT PK_TelephonyHubDataProtectionKeys PRIMARY KEY (Id)
);
