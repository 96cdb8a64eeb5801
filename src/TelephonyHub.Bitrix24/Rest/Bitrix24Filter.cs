using System.Globalization;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// A list-method filter (<c>crm.deal.list</c>, <c>user.get</c>), written as <c>filter[FIELD]=value</c> or
/// <c>filter[FIELD][0]=a&amp;filter[FIELD][1]=b</c>. Immutable: each <c>Where</c> returns a new filter.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-filter-v1")]
public sealed record Bitrix24Filter([property: Id(0)] ImmutableArray<Bitrix24FilterCondition> Conditions)
{
    /// <summary>A filter without conditions (nothing is sent).</summary>
    public static Bitrix24Filter Empty { get; } = new(ImmutableArray<Bitrix24FilterCondition>.Empty);

    /// <summary>Adds <c>filter[field]=value</c>.</summary>
    public Bitrix24Filter Where(string field, string value) =>
        new(Conditions.Add(new Bitrix24FilterCondition(field, [value], IsList: false)));

    /// <summary>Adds <c>filter[field]=value</c> for an integer.</summary>
    public Bitrix24Filter Where(string field, long value) => Where(field, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds <c>filter[field]=Y|N</c>, the CRM spelling of booleans (e.g. <c>CLOSED</c>).</summary>
    public Bitrix24Filter WhereYesNo(string field, bool value) => Where(field, value ? "Y" : "N");

    /// <summary>Adds <c>filter[field][0]=a&amp;filter[field][1]=b</c> (any of the values).</summary>
    public Bitrix24Filter WhereAny(string field, IEnumerable<string> values) =>
        new(Conditions.Add(new Bitrix24FilterCondition(field, [.. values], IsList: true)));

    /// <summary>Writes the conditions under <paramref name="root"/> (<c>filter</c>, <c>FILTER</c>).</summary>
    public void WriteTo(Bitrix24Parameters parameters, string root)
    {
        foreach (var condition in Conditions)
        {
            var key = Bitrix24Parameters.Key(root, condition.Field);
            if (condition.IsList)
            {
                parameters.AddList(key, condition.Values);
            }
            else
            {
                parameters.Add(key, condition.Values.FirstOrDefault());
            }
        }
    }
}
