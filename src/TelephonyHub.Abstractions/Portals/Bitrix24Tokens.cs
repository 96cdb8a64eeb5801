namespace TelephonyHub.Abstractions.Portals;

/// <summary>A portal's OAuth tokens (reference §3.4). Never logged; stored encrypted.</summary>
[GenerateSerializer, Immutable, Alias("bitrix24-tokens-v1")]
public sealed record Bitrix24Tokens(
    [property: Id(0)] string AccessToken,
    [property: Id(1)] string RefreshToken,
    [property: Id(2)] DateTimeOffset AccessTokenExpiresAt)
{
    /// <summary>Records print every member: keep tokens out of logs.</summary>
    public override string ToString() => $"Bitrix24Tokens {{ expires {AccessTokenExpiresAt:O} }}";
}
