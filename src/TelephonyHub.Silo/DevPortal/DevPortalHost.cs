using Microsoft.Extensions.Options;
using TelephonyHub.Bitrix24;
using TelephonyHub.PortalEmulator;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;

namespace TelephonyHub.Silo.DevPortal;

/// <summary>
/// Runs the portal emulator beside the hub and, once the hub listens, installs the hub on every emulated portal the
/// way Bitrix24 would (ONAPPINSTALL to the install handler). The emulator keeps its state in memory, so each start
/// installs afresh; the hub keeps its own state in its database.
/// </summary>
public sealed partial class DevPortalHost(
    IOptions<DevPortalOptions> options,
    IOptions<Bitrix24ClientOptions> app,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<DevPortalHost> logger) : IHostedService
{
    private PortalEmulatorServer? _emulator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _emulator = await PortalEmulatorServer.StartAsync(new PortalEmulatorOptions
        {
            Port = options.Value.Port,
            SeedFile = Path.Combine(AppContext.BaseDirectory, options.Value.SeedFile),
        }, cancellationToken);
        lifetime.ApplicationStarted.Register(() => _ = InstallEverywhereAsync(_emulator));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private async Task InstallEverywhereAsync(PortalEmulatorServer emulator)
    {
        try
        {
            var hub = HttpAddress();
            emulator.RegisterApp(new MarketApp(app.Value.ClientId, app.Value.ClientSecret)
            {
                InstallHandlerUrl = new Uri(hub, "bitrix24/install"),
                InstallerPageUrl = new Uri(hub, "bitrix24/installer"),
                AppPageUrl = new Uri(hub, "bitrix24/app"),
            });
            foreach (var portal in await emulator.Admin.ListPortalsAsync())
            {
                var outcome = await emulator.Admin.InstallAppAsync(portal.MemberId, app.Value.ClientId);
                LogInstalled(logger, portal.Domain, outcome.Delivery?.StatusCode, portal.PageUrl);
            }

            LogReady(logger, emulator.BaseUri);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
        }
    }

    /// <summary>The hub's HTTP/1.1 endpoint (Kestrel's "Http" endpoint), where Bitrix24 posts.</summary>
    private Uri HttpAddress() =>
        new((configuration["Hub:PublicUrl"] ?? configuration["Kestrel:Endpoints:Http:Url"]
            ?? throw new InvalidOperationException("The dev portal needs Kestrel:Endpoints:Http:Url (or Hub:PublicUrl).")).TrimEnd('/') + "/");

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Dev portal {Domain}: hub installed (install handler answered {Status}); its page: {PortalPage}")]
    private static partial void LogInstalled(ILogger logger, string domain, int? status, Uri portalPage);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Dev portal emulator ready at {EmulatorUrl} — open a portal, 'Open app' as its admin to issue a PBX key")]
    private static partial void LogReady(ILogger logger, Uri emulatorUrl);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dev portal could not install the hub")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
