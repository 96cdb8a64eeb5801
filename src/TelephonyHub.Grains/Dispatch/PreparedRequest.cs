using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>A queued request ready to go: its <c>CALL_ID</c> filled in from its lane.</summary>
public sealed record PreparedRequest(QueuedRequest Item, Bitrix24Request Request);
