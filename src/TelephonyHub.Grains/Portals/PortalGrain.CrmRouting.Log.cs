namespace TelephonyHub.Grains.Portals;

public sealed partial class PortalGrain
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Portal {PortalId}: CRM routing {Enabled}, open deal first {PreferOpenDeal}, manager answer time {AnswerTime}, lead creation {CreateLeads}")]
    private static partial void LogCrmRoutingSaved(ILogger logger, string portalId, bool enabled, bool preferOpenDeal, TimeSpan answerTime, bool createLeads);
}
