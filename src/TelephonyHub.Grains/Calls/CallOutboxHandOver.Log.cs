namespace TelephonyHub.Grains.Calls;

public sealed partial class CallOutboxHandOver
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallKey}: {Count} effect(s) stored but not handed to the dispatch yet")]
    private static partial void LogOutboxFailed(ILogger logger, string callKey, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey}: PBX command {EffectId} is obsolete and was not sent")]
    private static partial void LogCommandObsolete(ILogger logger, string callKey, string effectId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallKey}: PBX command {EffectId} waits for a PBX stream ({Delivery})")]
    private static partial void LogCommandWaiting(ILogger logger, string callKey, string effectId, PbxDelivery delivery);

}
