namespace TelephonyHub.Grains.CrmRouting;

/// <summary>Why a call did not go to (or stay with) the CRM's responsible manager, and went to the line's queue.</summary>
public enum CrmFallbackReason
{
    /// <summary>The CRM knows nothing with the caller's number.</summary>
    UnknownNumber = 1,

    /// <summary>The CRM matches have no responsible user.</summary>
    NoResponsible = 2,

    /// <summary>The manager was not an active user at the portal's last user sync.</summary>
    ManagerInactive = 3,

    /// <summary>Bitrix24's time tracking says the manager's workday is closed, paused or left open from a past day.</summary>
    ManagerNotAtWork = 4,

    /// <summary>The manager has no extension, neither in Bitrix24 nor mapped by the admin.</summary>
    ManagerHasNoExtension = 5,

    /// <summary>The manager is on another call of the hub, or the PBX reports their extension busy, do-not-disturb or offline.</summary>
    ManagerBusy = 6,

    /// <summary>Bitrix24 refused the lookup for good (e.g. the app lacks a scope).</summary>
    LookupFailed = 7,

    /// <summary>Bitrix24 did not answer the lookup in time (slow or unreachable, scenario 6).</summary>
    LookupTimedOut = 8,

    /// <summary>The PBX refused to transfer the call to the manager's extension.</summary>
    TransferRefused = 9,

    /// <summary>No PBX acknowledged the transfer in time.</summary>
    TransferUnacknowledged = 10,

    /// <summary>The manager's extension became busy, do-not-disturb or offline while it rang.</summary>
    ManagerUnavailable = 11,

    /// <summary>The manager did not answer within the portal's answer time.</summary>
    ManagerDidNotAnswer = 12,
}
