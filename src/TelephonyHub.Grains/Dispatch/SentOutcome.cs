using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>What the portal answered to one prepared request: its typed value or its error, and its <c>time</c> block.</summary>
public sealed record SentOutcome(PreparedRequest Sent, Bitrix24Error? Error, object? Value, Bitrix24Timing? Timing = null);
