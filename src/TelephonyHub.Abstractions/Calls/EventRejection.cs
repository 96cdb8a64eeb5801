namespace TelephonyHub.Abstractions.Calls;

/// <summary>Why an event was refused.</summary>
public enum EventRejection
{
    /// <summary>The event is malformed.</summary>
    InvalidArgument = 1,

    /// <summary>The call it names is not known on this portal.</summary>
    NotFound = 2,

    /// <summary>The call cannot take this event in its current phase.</summary>
    FailedPrecondition = 3,
}
