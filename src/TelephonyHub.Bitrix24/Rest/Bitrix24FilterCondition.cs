namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// One <c>filter[FIELD]</c> entry. <see cref="Field"/> keeps Bitrix24's operator prefix (<c>&gt;=DATE_CREATE</c>,
/// <c>@ID</c>, <c>!STAGE_ID</c>, reference §6.4).
/// </summary>
/// <param name="Field">The field with an optional operator prefix.</param>
/// <param name="Values">One value, or the list for <c>IN</c>-style filters.</param>
/// <param name="IsList">True to send <c>filter[FIELD][n]=v</c> even for a single value.</param>
[GenerateSerializer, Immutable, Alias("b24-filter-condition-v1")]
public sealed record Bitrix24FilterCondition(
    [property: Id(0)] string Field,
    [property: Id(1)] ImmutableArray<string> Values,
    [property: Id(2)] bool IsList);
