namespace TelephonyHub.Abstractions.Queues;

/// <summary>A queue member as a call sees it: the Bitrix24 user and the extension the PBX rings for them.</summary>
[GenerateSerializer, Immutable, Alias("queue-member-v1")]
public sealed record QueueMember(
    [property: Id(0)] long UserId,
    [property: Id(1)] string Extension);
