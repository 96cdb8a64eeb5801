namespace TelephonyHub.Abstractions.Portals;

/// <summary>A new PBX API key: the full key is in this answer only; the portal keeps its hash.</summary>
[GenerateSerializer, Immutable, Alias("issued-pbx-key-v1")]
public sealed record IssuedPbxKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Label,
    [property: Id(2)] string FullKey)
{
    public override string ToString() => $"IssuedPbxKey {{ {KeyId} {Label} }}";
}
