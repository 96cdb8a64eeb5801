using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Bitrix24.Tests.Fakes;

/// <summary>
/// The clients wired exactly as the hub wires them (<c>AddBitrix24Client</c> over configuration), with a fake clock.
/// </summary>
public sealed class ClientHost : IDisposable
{
    public const string ClientId = "app.573ad8a0346747.09223434";
    public const string ClientSecret = "test-client-secret";

    private readonly ServiceProvider _provider;

    private ClientHost(ServiceProvider provider, FakeTimeProvider time)
    {
        _provider = provider;
        Time = time;
    }

    /// <summary>The one clock of the test; only the test advances it.</summary>
    public FakeTimeProvider Time { get; }

    public Bitrix24RestClient Rest => _provider.GetRequiredService<Bitrix24RestClient>();

    public Bitrix24OAuthClient OAuth => _provider.GetRequiredService<Bitrix24OAuthClient>();

    public ExternalCallClient ExternalCalls => _provider.GetRequiredService<ExternalCallClient>();

    public static ClientHost Create(Uri? oauthServer = null, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bitrix24:ClientId"] = ClientId,
            ["Bitrix24:ClientSecret"] = ClientSecret,
            ["Bitrix24:OAuthServerUrl"] = (oauthServer ?? new Uri("http://127.0.0.1:9/")).AbsoluteUri,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-10T08:19:38Z", System.Globalization.CultureInfo.InvariantCulture));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddBitrix24Client();
        return new ClientHost(services.BuildServiceProvider(validateScopes: true), time);
    }

    public void Dispose() => _provider.Dispose();
}
