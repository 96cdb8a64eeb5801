using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Bitrix24;

/// <summary>Registers the Bitrix24 clients.</summary>
public static class Bitrix24ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Bitrix24RestClient"/> and <see cref="Bitrix24OAuthClient"/> as typed HTTP clients (plus the
    /// <see cref="ExternalCallClient"/> convenience over the former) and
    /// binds <see cref="Bitrix24ClientOptions"/> from <paramref name="configSectionPath"/>, validated at start.
    /// </summary>
    public static IServiceCollection AddBitrix24Client(
        this IServiceCollection services,
        string configSectionPath = Bitrix24ClientOptions.SectionName)
    {
        services.AddOptions<Bitrix24ClientOptions>()
            .BindConfiguration(configSectionPath)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // No retry or resilience handler here: retries belong to the per-portal dispatch, which owns the leaky
        // bucket (reference §2.1) and the durable queue; a hidden retry would spend the portal's budget twice.
        // The default HttpClient loggers are removed because request URIs carry secrets: the OAuth query string
        // (client_secret, refresh_token) and attachRecord upload URLs (auth=…). The clients log for themselves.
        services.AddHttpClient<Bitrix24RestClient>(Configure)
            .ConfigurePrimaryHttpMessageHandler(CreateHandler)
            .RemoveAllLoggers();
        services.AddHttpClient<Bitrix24OAuthClient>(Configure)
            .ConfigurePrimaryHttpMessageHandler(CreateHandler)
            .RemoveAllLoggers();
        services.AddTransient<ExternalCallClient>();
        return services;
    }

    private static void Configure(IServiceProvider provider, HttpClient client)
    {
        var options = provider.GetRequiredService<IOptions<Bitrix24ClientOptions>>().Value;
        // Deadlines are enforced per call through TimeProvider so tests can drive them with a fake clock.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    }

    // A redirect from a moved portal must be re-POSTed by hand: automatic handling turns the POST into a GET and
    // loses the body (reference §1.1).
    private static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
