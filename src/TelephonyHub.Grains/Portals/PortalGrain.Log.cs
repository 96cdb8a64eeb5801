namespace TelephonyHub.Grains.Portals;

public sealed partial class PortalGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId} ({Domain}) installed the app, version {Version}")]
    private static partial void LogInstalled(ILogger logger, string portalId, string domain, string? version);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Portal {PortalId} reinstalled by admin {UserId} with a new application token: events signed with the previous one are refused from now on")]
    private static partial void LogApplicationTokenReplaced(ILogger logger, string portalId, long userId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Portal {PortalId} uninstalled the app: tokens dropped, PBX keys revoked; its data is purged at {PurgeAt}")]
    private static partial void LogUninstalled(ILogger logger, string portalId, DateTimeOffset purgeAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {PortalId}: data purged after uninstall")]
    private static partial void LogPurged(ILogger logger, string portalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: PBX key {KeyId} issued ({Label})")]
    private static partial void LogKeyIssued(ILogger logger, string portalId, string keyId, string label);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: PBX key {KeyId} revoked")]
    private static partial void LogKeyRevoked(ILogger logger, string portalId, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: tokens refreshed, valid until {ExpiresAt}")]
    private static partial void LogRefreshed(ILogger logger, string portalId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Portal {PortalId}: the refresh token is dead ({Reason}); the app must be reinstalled. Requests keep waiting.")]
    private static partial void LogNeedsReinstall(ILogger logger, string portalId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {PortalId}: setting up {Method} failed: {Code} {Description}")]
    private static partial void LogSetupFailed(ILogger logger, string portalId, string method, string code, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: {Count} extension(s) synced from Bitrix24 users")]
    private static partial void LogUsersSynced(ILogger logger, string portalId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: tokens issued {IssuedAt} refreshed so the refresh token does not die unused")]
    private static partial void LogKeepingTokensAlive(ILogger logger, string portalId, DateTimeOffset? issuedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {PortalId}: keeping the tokens alive failed for now ({Reason}); tried again at the next check")]
    private static partial void LogKeepAliveFailed(ILogger logger, string portalId, string reason);
}
