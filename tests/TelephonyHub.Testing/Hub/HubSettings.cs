using System.Globalization;
using TelephonyHub.Testing.Network;

namespace TelephonyHub.Testing.Hub;

/// <summary>
/// How a test runs a hub: its own loopback ports, its database (PostgreSQL, or an embedded SQLite file), and the
/// Bitrix24 app it is (client id and secret known to the portal emulator, whose OAuth server it uses).
/// </summary>
public sealed record HubSettings
{
    public required Uri OAuthServer { get; init; }

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>PostgreSQL; null runs the embedded SQLite default in <see cref="DataDirectory"/>.</summary>
    public string? PostgreSqlConnectionString { get; init; }

    public required string DataDirectory { get; init; }

    public int HttpPort { get; init; } = FreePort.Next();

    public int GrpcPort { get; init; } = FreePort.Next();

    public int SiloPort { get; init; } = FreePort.Next();

    public int GatewayPort { get; init; } = FreePort.Next();

    public string ClusterId { get; init; } = $"test-{Guid.NewGuid():N}";

    /// <summary>Any further settings (e.g. <c>Dispatch:RetryBaseDelay</c>).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}/");

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}/");

    /// <summary>The same hub on other ports (a second silo of the cluster).</summary>
    public HubSettings AnotherSilo() => this with
    {
        HttpPort = FreePort.Next(), GrpcPort = FreePort.Next(), SiloPort = FreePort.Next(), GatewayPort = FreePort.Next(),
    };

    public IReadOnlyDictionary<string, string> ToConfiguration()
    {
        var settings = new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Http:Url"] = HttpAddress.AbsoluteUri.TrimEnd('/'),
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:Grpc:Url"] = GrpcAddress.AbsoluteUri.TrimEnd('/'),
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Orleans:Endpoints:SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
            ["Orleans:ClusterId"] = ClusterId,
            ["Storage:DataDirectory"] = DataDirectory,
            ["Bitrix24:OAuthServerUrl"] = OAuthServer.AbsoluteUri,
            ["Bitrix24:ClientId"] = ClientId,
            ["Bitrix24:ClientSecret"] = ClientSecret,
            ["Hub:PublicUrl"] = HttpAddress.AbsoluteUri,
            ["Hub:Bitrix24JsLibraryUrl"] = new Uri(OAuthServer, "api/v1/").AbsoluteUri,
            // Test PBXs serve their recordings on loopback, which a hosted hub refuses to fetch from by default.
            ["Recordings:FetchAllowedNetworks:0"] = "127.0.0.0/8",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Warning",
            ["Logging:LogLevel:System.Net.Http"] = "Warning",
            ["Logging:LogLevel:Polly"] = "Warning",
        };
        if (PostgreSqlConnectionString is { } connectionString)
        {
            settings["Storage:ConnectionString"] = connectionString;
        }

        foreach (var (key, value) in Extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The settings as command-line arguments (<c>--Key=Value</c>).</summary>
    public string[] ToArguments() => [.. ToConfiguration().Select(s => $"--{s.Key}={s.Value}")];
}
