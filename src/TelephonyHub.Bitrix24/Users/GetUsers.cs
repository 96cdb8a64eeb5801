using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Users;

/// <summary>
/// <c>user.get</c> (reference §7.1): one page (50) of users. Extension → user:
/// <c>Filter = Bitrix24Filter.Empty.Where("UF_PHONE_INNER", "101").Where("ACTIVE", "true")</c>.
/// </summary>
/// <param name="Filter">Sent as <c>FILTER[...]</c>.</param>
/// <param name="Select">Fields to return (<c>select[n]</c>); empty = the default set.</param>
/// <param name="Start">Page offset (<c>start</c>): <c>next</c> of the previous page.</param>
/// <param name="AdminMode">Admin-wide query (<c>ADMIN_MODE</c>).</param>
[GenerateSerializer, Immutable, Alias("b24-get-users-v1")]
public sealed record GetUsers(
    [property: Id(0)] Bitrix24Filter? Filter = null,
    [property: Id(1)] ImmutableArray<string> Select = default,
    [property: Id(2)] long? Start = null,
    [property: Id(3)] bool? AdminMode = null) : Bitrix24Request<Bitrix24UserPage>
{
    /// <inheritdoc />
    public override string Method => "user.get";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters)
    {
        Filter?.WriteTo(parameters, "FILTER");
        if (!Select.IsDefaultOrEmpty)
        {
            parameters.AddList("select", Select);
        }

        parameters.AddOneZero("ADMIN_MODE", AdminMode).Add("start", Start);
    }

    /// <inheritdoc />
    public override Bitrix24UserPage ParseResult(Bitrix24RawResult raw) => new(
        [.. raw.Result.Entries().Where(e => e.Value.ValueKind == JsonValueKind.Object).Select(e => Bitrix24User.Parse(e.Value))],
        raw.Total,
        raw.Next);
}
