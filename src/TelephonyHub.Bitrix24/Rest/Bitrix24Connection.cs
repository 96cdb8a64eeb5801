namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// Where and as whom to call a portal: the <c>client_endpoint</c> (<c>https://{domain}/rest/</c>, reference §1.1)
/// and a current OAuth access token.
/// </summary>
/// <param name="ClientEndpoint">The portal's REST root, ending in <c>/rest/</c>.</param>
/// <param name="AccessToken">The OAuth access token, sent as the <c>auth</c> form field. Never logged.</param>
[GenerateSerializer, Immutable, Alias("b24-connection-v1")]
public sealed record Bitrix24Connection([property: Id(0)] Uri ClientEndpoint, [property: Id(1)] string AccessToken)
{
    /// <summary>Renders the endpoint only: the token must never reach a log.</summary>
    public override string ToString() => $"Bitrix24Connection {{ ClientEndpoint = {ClientEndpoint} }}";
}
