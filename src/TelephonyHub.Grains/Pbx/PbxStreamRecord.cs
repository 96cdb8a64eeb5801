namespace TelephonyHub.Grains.Pbx;

/// <summary>A stream as the link stores it: enough to close it after the link was reactivated.</summary>
[GenerateSerializer, Immutable, Alias("pbx-stream-record-v1")]
public sealed record PbxStreamRecord(
    [property: Id(0)] string ConnectionId,
    [property: Id(1)] string KeyId,
    [property: Id(2)] IPbxCommandObserver Observer,
    [property: Id(3)] DateTimeOffset AttachedAt);
