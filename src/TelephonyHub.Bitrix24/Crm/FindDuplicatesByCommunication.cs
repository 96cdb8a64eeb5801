using TelephonyHub.Bitrix24.Phones;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Crm;

/// <summary>
/// <c>crm.duplicate.findbycomm</c> (reference §6.2): leads, contacts and companies with these phone numbers or
/// e-mails. At most 20 values; nothing found comes back as <c>[]</c> and parses to empty matches.
/// </summary>
/// <param name="Type"><c>PHONE</c> or <c>EMAIL</c> (<c>type</c>).</param>
/// <param name="Values">1 to 20 values (<c>values[n]</c>).</param>
/// <param name="EntityType">Limit to <c>LEAD</c>, <c>CONTACT</c> or <c>COMPANY</c> (<c>entity_type</c>).</param>
[GenerateSerializer, Immutable, Alias("b24-find-duplicates-by-communication-v1")]
public sealed record FindDuplicatesByCommunication(
    [property: Id(0)] string Type,
    [property: Id(1)] ImmutableArray<string> Values,
    [property: Id(2)] string? EntityType = null) : Bitrix24Request<DuplicateMatches>
{
    /// <summary>The portal accepts at most 20 values (reference §2.3).</summary>
    public const int MaxValues = 20;

    /// <inheritdoc />
    public override string Method => "crm.duplicate.findbycomm";

    /// <summary>Renders with phone numbers masked, so the request can be logged.</summary>
    public override string ToString() =>
        $"FindDuplicatesByCommunication {{ Type = {Type}, Values = [{string.Join(", ", (Values.IsDefault ? [] : Values).Select(v => Type == "PHONE" ? PhoneNumberMask.Mask(v) : "***"))}] }}";

    /// <summary>Search by phone numbers.</summary>
    public static FindDuplicatesByCommunication ByPhone(params string[] phoneNumbers) => new("PHONE", [.. phoneNumbers]);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No value or more than 20.</exception>
    public override void WriteParameters(Bitrix24Parameters parameters)
    {
        if (Values.IsDefaultOrEmpty || Values.Length > MaxValues)
        {
            throw new ArgumentException($"crm.duplicate.findbycomm takes 1 to {MaxValues} values.", nameof(Values));
        }

        parameters.Add("type", Type).AddList("values", Values).Add("entity_type", EntityType);
    }

    /// <inheritdoc />
    public override DuplicateMatches ParseResult(Bitrix24RawResult raw)
    {
        // An empty PHP array arrives as [], a hit as {"LEAD":[..],"CONTACT":[..]} (reference §6.2).
        var result = raw.Result.RequireObject("The duplicate search result");
        return new DuplicateMatches(
            result.LongList(CrmEntityTypes.Lead),
            result.LongList(CrmEntityTypes.Contact),
            result.LongList(CrmEntityTypes.Company));
    }
}
