namespace TelephonyHub.Grains.ClickToCall;

public sealed partial class ClickToCallGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Click {ClickKey}: {Phase}")]
    private static partial void LogMoved(ILogger logger, string clickKey, ClickPhase phase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Click {ClickKey}: Dialling (the PBX accepted the originate; its call is awaited)")]
    private static partial void LogDialling(ILogger logger, string clickKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Click {ClickKey}: nothing changed: {Reason}")]
    private static partial void LogUnchanged(ILogger logger, string clickKey, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Click {ClickKey} could not be placed ({Phase}, status {StatusCode}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string clickKey, ClickPhase phase, string statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Click {ClickKey} is linked to PBX call {CallKey} (Bitrix24 call {Bitrix24CallId})")]
    private static partial void LogLinked(ILogger logger, string clickKey, string callKey, string bitrix24CallId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Click {ClickKey}: Bitrix24 refused {Method}: {Code} {Description}")]
    private static partial void LogBitrix24Failed(ILogger logger, string clickKey, string method, string code, string description);

    [LoggerMessage(Level = LogLevel.Error, Message = "Click {ClickKey}: placing the call failed; its Bitrix24 call may stay open")]
    private static partial void LogProceedFailed(ILogger logger, string clickKey, Exception exception);


    /// <summary>Outcomes at Information and above (the PBX took the call, or the call failed); the other steps at Debug.</summary>
    private static void LogStep(ILogger logger, string clickKey, ClickToCallState state)
    {
        switch (state)
        {
            case { Phase: ClickPhase.Failed or ClickPhase.Dropped, Failure: { } failure }:
                LogFailed(logger, clickKey, state.Phase, failure.StatusCode, failure.Reason);
                break;
            case { Phase: ClickPhase.Dialling }:
                LogDialling(logger, clickKey);
                break;
            case { Phase: not ClickPhase.Linked }:
                LogMoved(logger, clickKey, state.Phase);
                break;
        }
    }
}
