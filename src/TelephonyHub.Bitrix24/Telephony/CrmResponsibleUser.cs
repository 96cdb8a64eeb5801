namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>The <c>ASSIGNED_BY</c> block of a <c>searchCrmEntities</c> match (reference §5.6).</summary>
/// <param name="Id">The user id.</param>
/// <param name="TimemanStatus">Workday state: <c>OPENED</c> (working), <c>CLOSED</c>, <c>PAUSED</c>, <c>EXPIRED</c>,
/// <c>UNAVAILABLE</c>, <c>NOT_INSTALLED</c>.</param>
/// <param name="UserPhoneInner">The user's extension: the dial target on the PBX.</param>
/// <param name="WorkPhone">Fallback number.</param>
/// <param name="PersonalPhone">Fallback number.</param>
/// <param name="PersonalMobile">Fallback number.</param>
[GenerateSerializer, Immutable, Alias("b24-crm-responsible-user-v1")]
public sealed record CrmResponsibleUser(
    [property: Id(0)] long? Id,
    [property: Id(1)] string? TimemanStatus,
    [property: Id(2)] string? UserPhoneInner,
    [property: Id(3)] string? WorkPhone,
    [property: Id(4)] string? PersonalPhone,
    [property: Id(5)] string? PersonalMobile)
{
    /// <summary>True unless time tracking says the user's workday is closed or paused.</summary>
    public bool MayBeWorking => TimemanStatus is not ("CLOSED" or "PAUSED" or "EXPIRED");
}
