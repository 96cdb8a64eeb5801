using TelephonyHub.Grains;
using TelephonyHub.Silo.Bitrix24Events;
using TelephonyHub.Silo.DevPortal;
using TelephonyHub.Silo.Pbx;
using TelephonyHub.Silo.Recordings;
using TelephonyHub.Silo.Settings;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Silo.Telemetry;

namespace TelephonyHub.Silo.Hosting;

/// <summary>
/// The hub's composition: one Orleans silo with the PBX gRPC gateway and the Bitrix24 HTTP gateway on Kestrel.
/// <c>Program.cs</c> runs it; tests build the very same application (with their ports, database and clock).
/// </summary>
public static class HubApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        // Settings ship next to the binary: the hub reads them wherever it is started from. Relative paths in
        // settings (Storage:DataDirectory) still resolve against the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.UseOrleans(silo => silo
            .UseTelephonyHubStorage(builder.Configuration)
            .UseHubCluster(builder.Configuration));
        builder.Services
            .AddHubOptions()
            .AddHubDataProtection(builder.Configuration)
            .AddHubTelemetry(builder.Configuration)
            .AddTelephonyHubGrains()
            .AddRecordingStore()
            .AddPbxGateway()
            .AddBitrix24Gateway()
            .AddSettingsPage()
            .AddDevPortal(builder.Configuration)
            .AddHostedService<StartupBanner>();
        customize?.Invoke(builder);

        var app = builder.Build();
        app.MapPbxGateway();
        app.MapBitrix24Events();
        app.MapSettingsPage();
        return app;
    }
}
