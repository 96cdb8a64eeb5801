using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.CrmRouting;

/// <summary>The responsible manager the CRM names for a caller, and the record that makes them responsible.</summary>
[GenerateSerializer, Immutable, Alias("crm-owner-v1")]
public sealed record CrmOwner
{
    /// <summary>The Bitrix24 user (<c>ASSIGNED_BY_ID</c>).</summary>
    [Id(0)] public required long UserId { get; init; }

    /// <summary><c>CONTACT</c>, <c>LEAD</c>, <c>COMPANY</c> or <c>DEAL</c>.</summary>
    [Id(1)] public required string EntityType { get; init; }

    [Id(2)] public required long EntityId { get; init; }

    /// <summary>
    /// What <c>searchCrmEntities</c> said about the user just now (extension, workday), when the match itself made
    /// them responsible; null for a deal's responsible, whom the search did not describe.
    /// </summary>
    [Id(3)] public CrmResponsibleUser? Reported { get; init; }

    /// <summary>False when time tracking says the workday is closed, paused or expired; unknown counts as at work.</summary>
    public bool IsAtWork => Reported?.MayBeWorking ?? true;
}
