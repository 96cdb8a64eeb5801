using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>Shared wire format of show and hide.</summary>
internal static class CallCardParameters
{
    public static void Write(Bitrix24Parameters parameters, string? callId, ImmutableArray<long> userIds)
    {
        parameters.Add("CALL_ID", RequireCallId(callId));
        // Always the list form: a scalar USER_ID is cast to int by the server, a list is passed through (reference §5.2).
        if (!userIds.IsDefaultOrEmpty)
        {
            parameters.AddList("USER_ID", userIds);
        }
    }

    public static bool ParseFlag(JsonElement result) =>
        result.AsBool() ?? throw new Bitrix24ResponseFormatException($"Expected true/false, got {result.ValueKind}.");

    public static string RequireCallId(string? callId) =>
        string.IsNullOrEmpty(callId)
            ? throw new InvalidOperationException("CALL_ID is not known yet: fill it in with WithCallId before sending.")
            : callId;
}
