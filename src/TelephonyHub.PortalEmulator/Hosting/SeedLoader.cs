using System.Text.Json;
using Microsoft.Extensions.Options;
using TelephonyHub.PortalEmulator.Admin;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Hosting;

/// <summary>Creates the seed's apps and portals at start: the options' seed first, then the seed file.</summary>
public sealed partial class SeedLoader(
    IOptions<PortalEmulatorOptions> options, AppCatalog apps, PortalDirectory portals, AppLifecycle lifecycle, ILogger<SeedLoader> logger)
    : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Seed is { } seed)
        {
            await ApplyAsync(seed, cancellationToken).ConfigureAwait(false);
        }

        if (options.Value.SeedFile is { Length: > 0 } file)
        {
            var path = Path.IsPathRooted(file) ? file : Path.Combine(AppContext.BaseDirectory, file);
            await using var stream = File.OpenRead(path);
            var fromFile = await JsonSerializer.DeserializeAsync<EmulatorSeed>(stream, AdminJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Seed file {path} is empty");
            await ApplyAsync(fromFile, cancellationToken).ConfigureAwait(false);
            LogSeeded(logger, path, fromFile.Portals.Length, fromFile.Apps.Length);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ApplyAsync(EmulatorSeed seed, CancellationToken cancellationToken)
    {
        foreach (var app in seed.Apps)
        {
            apps.Register(app);
        }

        foreach (var definition in seed.Portals)
        {
            var portal = portals.Create(definition);
            foreach (var clientId in definition.PreinstalledApps)
            {
                await lifecycle.InstallAsync(portal, clientId, null, sendEvent: false, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
