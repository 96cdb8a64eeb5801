namespace TelephonyHub.Grains.Portals;

/// <summary>Where a portal stands with the app.</summary>
public enum PortalLifecycle
{
    /// <summary>Never installed.</summary>
    None = 0,

    /// <summary>Installed with working tokens.</summary>
    Installed = 1,

    /// <summary>Installed, but the refresh token is dead: requests wait until an admin reinstalls.</summary>
    NeedsReinstall = 2,

    /// <summary>The app was removed; tokens and keys are gone, data is kept until purged.</summary>
    Uninstalled = 3,
}
