namespace TelephonyHub.Grains.Recordings;

/// <summary>Where a call's recording stands on its way into Bitrix24. Moves forward only (a retry goes back a step).</summary>
public enum RecordingPhase
{
    /// <summary>No job yet.</summary>
    None = 0,

    /// <summary>The file is at the PBX's URL: download it into the store (with retries).</summary>
    Fetching = 1,

    /// <summary>The file is in the store: ask Bitrix24 where to upload it (<c>attachRecord</c> with <c>FILENAME</c>).</summary>
    Stored = 2,

    /// <summary>The <c>attachRecord</c> is queued in the dispatch; its answer (the upload URL) is awaited.</summary>
    Attaching = 3,

    /// <summary>Done: the file is attached to the call in Bitrix24 and deleted from the store.</summary>
    Attached = 4,

    /// <summary>Given up (wrong file, download failed for good, Bitrix24 refused); the reason is logged.</summary>
    Failed = 5,
}
