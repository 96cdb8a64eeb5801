namespace TelephonyHub.Bitrix24.Crm;

/// <summary><c>crm.lead.get</c> (reference §6.3).</summary>
/// <param name="Id">The lead id.</param>
[GenerateSerializer, Immutable, Alias("b24-get-lead-v1")]
public sealed record GetLead(long Id) : GetCrmEntity(Id)
{
    /// <inheritdoc />
    public override string Method => "crm.lead.get";
}
