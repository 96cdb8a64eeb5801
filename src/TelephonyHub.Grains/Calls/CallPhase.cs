namespace TelephonyHub.Grains.Calls;

/// <summary>Where a call stands. A call only moves forward through these phases.</summary>
public enum CallPhase
{
    /// <summary>No event seen yet: the grain exists only because something addressed it.</summary>
    None = 0,

    /// <summary>The PBX reported the call; it is registered in Bitrix24 (or about to be).</summary>
    Started = 1,

    /// <summary>The PBX rings one or more extensions; their users see the card.</summary>
    Ringing = 2,

    /// <summary>Somebody answered; the card stays with them.</summary>
    Answered = 3,

    /// <summary>Over at the PBX; the Bitrix24 finish waits for the recording (bounded wait).</summary>
    Ended = 4,

    /// <summary>Over, and the finish is queued for Bitrix24. Only a late recording can still change it.</summary>
    Finished = 5,
}
