namespace TelephonyHub.Grains.Portals;

/// <summary>
/// Keeps an installed portal's refresh token from dying unused (<see cref="PortalOptions.TokenKeepAliveAge"/>): a
/// reminder, registered at install, looks at the tokens' age every <see cref="PortalOptions.TokenKeepAliveCheckPeriod"/>
/// and has them refreshed once they are old; it goes when the portal is no longer installed.
/// </summary>
public static class PortalTokenKeepAlive
{
    public const string ReminderName = "keep-tokens-alive";

    /// <summary>True when the portal is installed and its tokens are old enough to be refreshed now.</summary>
    public static bool IsDue(PortalState state, DateTimeOffset now, PortalOptions options) =>
        state.Lifecycle == PortalLifecycle.Installed
        && (state.TokensIssuedAt ?? state.InstalledAt) is { } issued
        && now - issued >= options.TokenKeepAliveAge;

    /// <summary>Whether the reminder still has a portal to look after.</summary>
    public static bool IsNeeded(PortalState state) => state.Lifecycle is PortalLifecycle.Installed or PortalLifecycle.NeedsReinstall;
}
