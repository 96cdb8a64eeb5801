namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Turns a call's PBX command effects into commands for the portal's PBX link, the way <see cref="CallRequests"/> does
/// for Bitrix24: request id = call key + effect id, acknowledgements back to the call.
/// </summary>
public static class CallCommands
{
    public static PbxCommandEnvelope For(string callKey, PbxCommandEffect effect, GrainId replyTo, DateTimeOffset now) => new()
    {
        RequestId = RequestId(callKey, effect.EffectId),
        IssuedAt = now,
        ExpiresAt = effect.ExpiresAt,
        Command = effect.Command,
        ReplyTo = replyTo,
    };

    public static string RequestId(string callKey, string effectId) => $"{callKey}#{effectId}";

    /// <summary>The effect id of one of this call's commands, or null when the request id is not this call's.</summary>
    public static string? EffectIdOf(string callKey, string requestId) =>
        requestId.Length > callKey.Length + 1 && requestId.StartsWith(callKey + "#", StringComparison.Ordinal)
            ? requestId[(callKey.Length + 1)..]
            : null;
}
