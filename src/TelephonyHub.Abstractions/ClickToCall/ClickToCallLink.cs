namespace TelephonyHub.Abstractions.ClickToCall;

/// <summary>
/// The Bitrix24 call a PBX call was originated for: the call grain finishes this <c>CALL_ID</c> and never registers
/// the call again (reference §4.5).
/// </summary>
[GenerateSerializer, Immutable, Alias("click-to-call-link-v1")]
public sealed record ClickToCallLink
{
    [Id(0)] public required string Bitrix24CallId { get; init; }

    /// <summary>The user the Bitrix24 call belongs to (who clicked, or the operator of a callback); they see its card.</summary>
    [Id(1)] public required long UserId { get; init; }

    /// <summary>The CRM call list the call is on, if any (Bitrix24 binds it at registration).</summary>
    [Id(2)] public long? CallListId { get; init; }

    [Id(3)] public required DialKind Kind { get; init; }

    /// <summary>The click grain's key, for logs and the call's state.</summary>
    [Id(4)] public required string ClickKey { get; init; }
}
