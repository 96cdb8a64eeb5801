namespace TelephonyHub.Bitrix24.Rest;

/// <summary>One <c>order[FIELD]=ASC|DESC</c> entry of a list method.</summary>
[GenerateSerializer, Immutable, Alias("b24-sort-v1")]
public sealed record Bitrix24Sort([property: Id(0)] string Field, [property: Id(1)] Bitrix24SortDirection Direction)
{
    /// <summary>Writes <c>{root}[FIELD]=ASC|DESC</c>.</summary>
    public void WriteTo(Bitrix24Parameters parameters, string root) =>
        parameters.Add(Bitrix24Parameters.Key(root, Field), Direction == Bitrix24SortDirection.Descending ? "DESC" : "ASC");
}
