namespace TelephonyHub.Abstractions.Calls;

/// <summary>Direction of a call as seen from the portal's users.</summary>
public enum CallDirection
{
    /// <summary>A customer calls in.</summary>
    Inbound = 1,

    /// <summary>A user calls out.</summary>
    Outbound = 2,
}
