namespace TelephonyHub.Bitrix24.Crm;

/// <summary><c>crm.contact.get</c> (reference §6.3).</summary>
/// <param name="Id">The contact id.</param>
[GenerateSerializer, Immutable, Alias("b24-get-contact-v1")]
public sealed record GetContact(long Id) : GetCrmEntity(Id)
{
    /// <inheritdoc />
    public override string Method => "crm.contact.get";
}
