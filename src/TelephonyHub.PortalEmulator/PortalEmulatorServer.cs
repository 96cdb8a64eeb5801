using System.Net;
using TelephonyHub.PortalEmulator.Admin;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator;

/// <summary>
/// A running emulator in the test's process, listening on 127.0.0.1. The same composition as the standalone
/// <c>Program.cs</c>. Use <see cref="Admin"/> (HTTP, like any client) or the in-process members
/// (<see cref="Portal"/>, <see cref="WaitForAsync"/>) to set up and observe portals.
/// </summary>
public sealed class PortalEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient adminHttp;

    private PortalEmulatorServer(WebApplication app)
    {
        this.app = app;
        BaseUri = app.Services.GetRequiredService<EmulatorAddress>().BaseUri;
        adminHttp = new HttpClient { BaseAddress = BaseUri };
        Admin = new PortalEmulatorAdminClient(adminHttp);
    }

    /// <summary>Where the emulator listens, with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The typed admin client over HTTP.</summary>
    public PortalEmulatorAdminClient Admin { get; }

    /// <summary>The emulator's services (portal directory, token store…), for in-process tests.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Starts an emulator on 127.0.0.1 (port 0 unless <see cref="PortalEmulatorOptions.Port"/> is set) and seeds it.</summary>
    public static async Task<PortalEmulatorServer> StartAsync(PortalEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PortalEmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // In-process the emulator is configured by its options alone: the host process's own settings (its Kestrel
        // endpoints, above all) sit beside the same binaries and must not leak in.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddPortalEmulator(options.CopyTo);
        var app = builder.Build();
        app.MapPortalEmulator();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new PortalEmulatorServer(app);
    }

    /// <summary>The portal with that member_id or domain; throws when there is none.</summary>
    public Portal Portal(string memberIdOrDomain) =>
        Services.GetRequiredService<PortalDirectory>().FindByMemberIdOrDomain(memberIdOrDomain)
        ?? throw new InvalidOperationException($"No portal {memberIdOrDomain}");

    /// <summary>The portal's state now.</summary>
    public PortalSnapshot Snapshot(string memberIdOrDomain) => Portal(memberIdOrDomain).Snapshot;

    /// <summary>
    /// Completes when <paramref name="condition"/> holds for the portal, re-checked after every state change (no
    /// polling). Throws <see cref="TimeoutException"/> after <paramref name="timeout"/> (wall clock) naming
    /// <paramref name="description"/> and the current cards, active calls, call log and last requests.
    /// </summary>
    public Task<PortalSnapshot> WaitForAsync(
        string memberIdOrDomain, Func<PortalSnapshot, bool> condition, TimeSpan timeout, string description, CancellationToken cancellationToken = default) =>
        Portal(memberIdOrDomain).WaitForAsync(condition, timeout, description, cancellationToken);

    /// <summary>Registers an app with the OAuth server (in-process shortcut of <c>POST /admin/apps</c>).</summary>
    public void RegisterApp(MarketApp marketApp) => Services.GetRequiredService<AppCatalog>().Register(marketApp);

    /// <summary>Fresh tokens of an installed app for a user, as a frame or event would carry them.</summary>
    public TokenPair IssueTokens(string memberIdOrDomain, string clientId, int userId) =>
        Services.GetRequiredService<AppLifecycle>().IssueTokens(Portal(memberIdOrDomain), clientId, userId);

    /// <summary><c>client_endpoint</c> of a portal: <c>{BaseUri}portals/{domain}/rest/</c>.</summary>
    public Uri ClientEndpoint(string memberIdOrDomain) =>
        new(Services.GetRequiredService<EmulatorAddress>().ClientEndpoint(Portal(memberIdOrDomain).Domain));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        adminHttp.Dispose();
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
