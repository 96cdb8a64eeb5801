-- TelephonyHub: the ASP.NET Core Data Protection key ring, part 4 of 4.
--
-- Portal tokens are encrypted at rest with Data Protection keys, kept in the same database file as the grain
-- state so that a restart of the embedded hub can still decrypt them. Rows are only ever added.
--
-- Idempotent: safe to run again.

CREATE TABLE IF NOT EXISTS TelephonyHubDataProtectionKeys
(
    Id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    FriendlyName TEXT    NOT NULL,
    Xml          TEXT    NOT NULL,
    CreatedAt    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
