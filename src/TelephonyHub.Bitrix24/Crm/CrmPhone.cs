namespace TelephonyHub.Bitrix24.Crm;

/// <summary>One entry of a CRM <c>PHONE</c> multi-field.</summary>
/// <param name="Value"><c>VALUE</c>: the number as stored.</param>
/// <param name="ValueType"><c>VALUE_TYPE</c>: <c>WORK</c>, <c>MOBILE</c>, <c>HOME</c>…</param>
[GenerateSerializer, Immutable, Alias("b24-crm-phone-v1")]
public sealed record CrmPhone([property: Id(0)] string Value, [property: Id(1)] string? ValueType);
