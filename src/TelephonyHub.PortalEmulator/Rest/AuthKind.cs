namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>How a REST request authenticated (reference §1.1).</summary>
public enum AuthKind
{
    /// <summary>An application's OAuth access token in <c>auth</c>.</summary>
    OAuth,

    /// <summary>An incoming webhook path <c>/rest/{user}/{code}/</c>.</summary>
    Webhook,
}
