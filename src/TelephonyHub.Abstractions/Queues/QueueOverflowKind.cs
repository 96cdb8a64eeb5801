namespace TelephonyHub.Abstractions.Queues;

/// <summary>What happens to a call nobody in the queue took.</summary>
public enum QueueOverflowKind
{
    /// <summary>A missed call; the PBX is told to hang up.</summary>
    HangUp = 1,

    /// <summary>A missed call; the PBX transfers it to an extension (a voicemail box, an IVR, another group).</summary>
    Extension = 2,

    /// <summary>
    /// Not missed yet: the PBX transfers it to a Bitrix24 user's extension and that user sees the card. The call goes
    /// on like a call to that user (answered: theirs; not answered: missed).
    /// </summary>
    User = 3,
}
