namespace TelephonyHub.Abstractions.Portals;

/// <summary>What the dispatch needs to call a portal's REST API right now.</summary>
[GenerateSerializer, Immutable, Alias("bitrix24-access-v1")]
public sealed record Bitrix24Access(
    [property: Id(0)] Uri ClientEndpoint,
    [property: Id(1)] string AccessToken)
{
    public override string ToString() => $"Bitrix24Access {{ {ClientEndpoint} }}";
}
