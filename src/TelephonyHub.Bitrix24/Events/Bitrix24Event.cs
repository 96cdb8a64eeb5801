using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Events;

/// <summary>
/// An inbound Bitrix24 event POST (reference §4.1) as parsed by <see cref="Bitrix24EventParser"/>. Typed views:
/// <see cref="AppInstallEvent"/>, <see cref="AppUninstallEvent"/>, <see cref="ExternalCallStartEvent"/>,
/// <see cref="ExternalCallbackStartEvent"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-event-v1")]
public sealed record Bitrix24Event
{
    /// <summary><c>event</c>, upper-cased (see <see cref="Bitrix24EventCodes"/>).</summary>
    [Id(0)] public required string Code { get; init; }

    /// <summary><c>event_handler_id</c>; absent in some older payloads.</summary>
    [Id(1)] public long? HandlerId { get; init; }

    /// <summary><c>ts</c>: when Bitrix24 queued the event.</summary>
    [Id(2)] public DateTimeOffset? Timestamp { get; init; }

    /// <summary><c>data[...]</c> as a tree (empty when absent).</summary>
    [Id(3)] public PhpFormNode Data { get; init; } = PhpFormNode.Empty;

    /// <summary><c>auth[...]</c>.</summary>
    [Id(4)] public required Bitrix24EventAuth Auth { get; init; }
}
