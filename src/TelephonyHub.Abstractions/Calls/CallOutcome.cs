namespace TelephonyHub.Abstractions.Calls;

/// <summary>How a call ended, as the PBX reports it.</summary>
public enum CallOutcome
{
    /// <summary>Answered and talked.</summary>
    Answered = 1,

    /// <summary>Nobody answered.</summary>
    NoAnswer = 2,

    /// <summary>The caller hung up before anybody answered.</summary>
    Cancelled = 3,

    /// <summary>The callee was busy.</summary>
    Busy = 4,

    /// <summary>The callee declined.</summary>
    Declined = 5,

    /// <summary>The number does not exist.</summary>
    InvalidNumber = 6,

    /// <summary>The destination could not be reached.</summary>
    Unavailable = 7,

    /// <summary>Any other failure.</summary>
    Failed = 8,
}
