namespace TelephonyHub.Abstractions.Calls;

/// <summary>What became of one PBX event.</summary>
public enum EventVerdict
{
    /// <summary>Applied now.</summary>
    Applied = 1,

    /// <summary>The same event id was applied before; nothing changed.</summary>
    Duplicate = 2,

    /// <summary>Valid but out of date (e.g. ringing after the call was answered); nothing changed.</summary>
    Ignored = 3,

    /// <summary>Not applied; nothing changed. See <see cref="EventOutcome.Rejection"/>.</summary>
    Rejected = 4,
}
