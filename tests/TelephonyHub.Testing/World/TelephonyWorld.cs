using System.Security.Cryptography;
using TelephonyHub.PortalEmulator;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Pbx;

namespace TelephonyHub.Testing.World;

/// <summary>
/// Everything a scenario needs, for real: the portal emulator on loopback, a hub (in-process or its own process)
/// installed on emulated portals the production way, and PBX clients on the hub's gRPC stream.
/// </summary>
public sealed class TelephonyWorld : IAsyncDisposable
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(30);

    private readonly Func<HubSettings, Task<IRunningHub>> _startHub;
    private readonly string _dataDirectory;

    private TelephonyWorld(PortalEmulatorServer emulator, HubSettings settings, Func<HubSettings, Task<IRunningHub>> startHub, TimeProvider time, string dataDirectory)
    {
        Emulator = emulator;
        Settings = settings;
        _startHub = startHub;
        Time = time;
        Events = new PbxEventFactory(time);
        Commands = new PbxCommandFactory(time);
        _dataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = settings.HttpAddress };
        SettingsPage = new SettingsPageClient(Http, emulator, settings.ClientId);
    }

    public PortalEmulatorServer Emulator { get; }

    public HubSettings Settings { get; private set; }

    public IRunningHub Hub { get; private set; } = null!;

    public TimeProvider Time { get; }

    public PbxEventFactory Events { get; }

    public PbxCommandFactory Commands { get; }

    public HttpClient Http { get; }

    public SettingsPageClient SettingsPage { get; }

    /// <param name="startHub">Starts the hub from its settings (e.g. <see cref="InProcessHub.StartAsync"/>).</param>
    /// <param name="postgreSql">The hub's database; null for the embedded SQLite default.</param>
    /// <param name="time">The clock shared by emulator and hub (a fake one for timing tests).</param>
    /// <param name="extra">More hub settings.</param>
    public static async Task<TelephonyWorld> StartAsync(
        Func<HubSettings, Task<IRunningHub>> startHub,
        string? postgreSql = null,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        time ??= TimeProvider.System;
        var emulator = await PortalEmulatorServer.StartAsync(new PortalEmulatorOptions { TimeProvider = time });
        var dataDirectory = Directory.CreateTempSubdirectory("telephonyhub-test-").FullName;
        var settings = new HubSettings
        {
            OAuthServer = emulator.BaseUri,
            ClientId = $"app.test{RandomNumberGenerator.GetHexString(12, lowercase: true)}",
            ClientSecret = RandomNumberGenerator.GetHexString(32),
            PostgreSqlConnectionString = postgreSql,
            DataDirectory = dataDirectory,
            Extra = extra ?? new Dictionary<string, string>(),
        };
        emulator.RegisterApp(new MarketApp(settings.ClientId, settings.ClientSecret)
        {
            InstallHandlerUrl = new Uri(settings.HttpAddress, "bitrix24/install"),
            InstallerPageUrl = new Uri(settings.HttpAddress, "bitrix24/installer"),
            AppPageUrl = new Uri(settings.HttpAddress, "bitrix24/app"),
        });
        var world = new TelephonyWorld(emulator, settings, startHub, time, dataDirectory);
        world.Hub = await startHub(settings);
        return world;
    }

    /// <summary>
    /// A new portal with <see cref="TestUsers"/>: the app installed (ONAPPINSTALL to the hub), the hub's setup
    /// requests done (events bound, line added, users synced), and a PBX key issued on the settings page.
    /// </summary>
    /// <param name="plan">The portal's licence (its request limits).</param>
    /// <param name="users">Other employees instead of <see cref="TestUsers"/>; must include the admin <see cref="TestUsers.Admin"/>.</param>
    public async Task<TestPortal> CreatePortalAsync(PortalPlan plan = PortalPlan.Ordinary, IReadOnlyList<PortalUser>? users = null)
    {
        var memberId = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var domain = $"p{memberId[..8]}.bitrix24.test";
        await Emulator.Admin.CreatePortalAsync(new PortalDefinition(domain) { MemberId = memberId, Plan = plan, Region = "DE", Users = [.. users ?? TestUsers.All()] });
        return await InstallAsync(memberId, domain);
    }

    /// <summary>Installs the app again on a portal that removed it, and issues a new PBX key.</summary>
    public Task<TestPortal> ReinstallAsync(TestPortal portal) => InstallAsync(portal.MemberId, portal.Domain);

    private async Task<TestPortal> InstallAsync(string memberId, string domain)
    {
        var logMark = Hub.Logs.Count;
        var install = await Emulator.Admin.InstallAppAsync(memberId, Settings.ClientId);
        if (install.Delivery is not { Succeeded: true } delivery)
        {
            throw new InvalidOperationException($"The hub did not accept the install: {install.Delivery?.StatusCode} {install.Delivery?.ResponseBody}");
        }

        await Hub.Logs.WaitForAsync(
            line => line.Contains($"Portal {memberId}: ", StringComparison.Ordinal) && line.Contains("extension(s) synced", StringComparison.Ordinal),
            SetupTimeout, $"portal {memberId} to sync its users after install", logMark);

        var (_, page) = await SettingsPage.OpenAsync(memberId, domain, TestUsers.Admin);
        var key = await SettingsPage.IssueKeyAsync(page, "test-pbx");
        return new TestPortal(memberId, domain, key);
    }

    /// <summary>
    /// Waits until the portal's state satisfies <paramref name="condition"/>. Note that the emulator logs a request
    /// once it has answered it: wait on the request log itself when asserting on requests.
    /// </summary>
    public Task<PortalSnapshot> WaitForAsync(TestPortal portal, Func<PortalSnapshot, bool> condition, string description, TimeSpan? timeout = null) =>
        Emulator.WaitForAsync(portal.MemberId, condition, timeout ?? TimeSpan.FromSeconds(20), description);

    public Task<PbxTestClient> ConnectPbxAsync(TestPortal portal) => PbxTestClient.ConnectAsync(Settings.GrpcAddress, portal.ApiKey);

    /// <summary>Starts the hub again (after it was killed or stopped) on the same database and ports.</summary>
    public async Task RestartHubAsync()
    {
        await Hub.DisposeAsync();
        Hub = await _startHub(Settings);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a killed process; the temp folder is cleaned by the OS.
        }
    }
}
