namespace TelephonyHub.Silo.Bitrix24Events;

public enum InstallResult
{
    Installed = 1,

    /// <summary>The tokens are not ours, or belong to another portal.</summary>
    Refused = 2,

    /// <summary>The OAuth server could not be reached; the admin should retry the install.</summary>
    TryLater = 3,

    /// <summary>The install came with the tokens of a user who is not an admin of the portal (either flow).</summary>
    NotAdmin = 4,
}
