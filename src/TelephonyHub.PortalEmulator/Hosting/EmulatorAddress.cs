using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace TelephonyHub.PortalEmulator.Hosting;

/// <summary>
/// Where the emulator can be reached, and the URLs built from it. <c>client_endpoint</c> is per portal:
/// <c>{BaseUri}portals/{domain}/rest/</c>, so a hub that follows <c>client_endpoint</c> talks to the right portal
/// and a token sent to another portal's endpoint is refused. <c>{BaseUri}rest/</c> plays the OAuth server's REST
/// (<c>server_endpoint</c>) and also resolves the portal from the token.
/// </summary>
public sealed class EmulatorAddress(IServer server, IOptions<PortalEmulatorOptions> options)
{
    /// <summary>Base URI with a trailing slash, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri BaseUri => options.Value.PublicBaseUri is { } configured ? WithSlash(configured) : Listening();

    /// <summary><c>client_endpoint</c> of a portal: <c>{BaseUri}portals/{domain}/rest/</c>.</summary>
    public string ClientEndpoint(string domain) => $"{BaseUri}portals/{Uri.EscapeDataString(domain)}/rest/";

    /// <summary><c>server_endpoint</c>: the OAuth server's REST, <c>{BaseUri}rest/</c>.</summary>
    public string ServerEndpoint => $"{BaseUri}rest/";

    /// <summary>The OAuth server's host, sent as <c>domain</c> in token answers (reference §3.4).</summary>
    public string OAuthServerDomain => BaseUri.Authority;

    /// <summary>The live page of a portal.</summary>
    public string PortalPage(string domain) => $"{BaseUri}portals/{Uri.EscapeDataString(domain)}/";

    private Uri Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The emulator is not listening yet.");
        var uri = new UriBuilder(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        return WithSlash(uri.Uri);
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
