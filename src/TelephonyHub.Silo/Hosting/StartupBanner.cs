using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Hosting;

/// <summary>Says where to look once the hub listens: ports, storage and data folder.</summary>
public sealed partial class StartupBanner(
    IServer server,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = StorageOptions.FromConfiguration(configuration);
        if (storage.EffectiveProvider == DatabaseProvider.Sqlite)
        {
            LogEmbedded(logger, storage.SqliteDatabasePath);
        }
        else
        {
            LogPostgreSql(logger);
            if (string.IsNullOrEmpty(configuration["DataProtection:CertificatePath"]))
            {
                LogKeyRingUnencrypted(logger);
            }
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            LogListening(logger, string.Join(", ", addresses));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Storage:ConnectionString: running embedded (one silo, localhost clustering), state and reminders in {DatabasePath}")]
    private static partial void LogEmbedded(ILogger logger, string databasePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clustering, grain state and reminders on PostgreSQL")]
    private static partial void LogPostgreSql(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No DataProtection:CertificatePath: the key ring protecting portal tokens is stored unencrypted in the database beside the tokens, so a copy of the database can read them; set a certificate in production")]
    private static partial void LogKeyRingUnencrypted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "TelephonyHub listening on {Addresses} (HTTP/1.1: Bitrix24 install, events and app page; HTTP/2: PBX gRPC)")]
    private static partial void LogListening(ILogger logger, string addresses);
}
