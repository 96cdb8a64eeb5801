using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// A call: its phase plus the data the phases need. Stored whole after every applied event, together with the
/// effects still to perform (the outbox), so a silo loss between storing and performing loses nothing.
/// </summary>
[GenerateSerializer, Alias("call-state-v1")]
public sealed record CallState
{
    [Id(0)] public CallPhase Phase { get; init; }

    [Id(1)] public CallDirection Direction { get; init; }

    /// <summary>The customer's number, normalised to E.164 where possible.</summary>
    [Id(2)] public string CustomerNumber { get; init; } = "";

    [Id(3)] public string? LineNumber { get; init; }

    /// <summary>The extension the call was for (inbound) or placed from (outbound).</summary>
    [Id(4)] public string? Extension { get; init; }

    [Id(5)] public DateTimeOffset StartedAt { get; init; }

    [Id(6)] public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>The user the call is registered to in Bitrix24.</summary>
    [Id(7)] public long RegisteredUserId { get; init; }

    /// <summary>Who has the call now: answered by, or transferred to. Null while nobody answered.</summary>
    [Id(8)] public long? HandlingUserId { get; init; }

    /// <summary>Users who see the call card right now, as far as the hub has asked Bitrix24.</summary>
    [Id(9)] public ImmutableArray<long> CardHolders { get; init; } = [];

    /// <summary>The Bitrix24 <c>CALL_ID</c>, once <c>register</c> returned it.</summary>
    [Id(10)] public string? Bitrix24CallId { get; init; }

    [Id(11)] public CallPolicy? Policy { get; init; }

    [Id(12)] public CallEnding? Ending { get; init; }

    /// <summary>When the wait for a promised recording gives up (phase <see cref="CallPhase.Ended"/>).</summary>
    [Id(13)] public DateTimeOffset? RecordingDeadline { get; init; }

    /// <summary>A recording reported before the call ended, attached once it is finished.</summary>
    [Id(14)] public RecordingReady? Recording { get; init; }

    /// <summary>Ids of the PBX events applied so far (bounded): a replay changes nothing.</summary>
    [Id(15)] public ImmutableArray<string> AppliedEventIds { get; init; } = [];

    /// <summary>Effects decided and stored but not yet confirmed performed.</summary>
    [Id(16)] public ImmutableArray<CallEffect> Outbox { get; init; } = [];

    /// <summary>The click (scenario 4) this call was originated for; the Bitrix24 call existed before the call started.</summary>
    [Id(30)] public string? ClickKey { get; init; }

    /// <summary>The CRM call list of the click, which Bitrix24 bound at registration.</summary>
    [Id(31)] public long? CallListId { get; init; }
    /// <summary>For a call that went to a queue (scenario 2): where it stands there.</summary>
    [Id(20)] public QueueProgress? Queue { get; init; }

    /// <summary>For an inbound call routed by the CRM (scenario 3): its way to the responsible manager.</summary>
    [Id(50)] public CrmRoute? Crm { get; init; }
}
