using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using TelephonyHub.Silo.Hosting;
using TelephonyHub.Testing.Faults;
using TelephonyHub.Testing.Logs;

namespace TelephonyHub.Testing.Hub;

/// <summary>
/// The real hub application (<see cref="HubApp"/>: silo, gRPC gateway, HTTP gateway) running inside the test
/// process, so a test can give it its clock. With a fake clock only the grains' time is fake; the silo's own
/// maintenance keeps real time (Orleans' per-area time providers).
/// </summary>
public sealed class InProcessHub : IRunningHub
{
    private readonly WebApplication _app;
    private bool _disposed;

    private InProcessHub(HubSettings settings, WebApplication app, LogLines logs)
    {
        Settings = settings;
        _app = app;
        Logs = logs;
    }

    public HubSettings Settings { get; }

    public LogLines Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="faults">Failures the test switches on inside the hub (its grain calls, its recording store).</param>
    public static async Task<InProcessHub> StartAsync(HubSettings settings, TimeProvider? time = null, HubFaults? faults = null)
    {
        var logs = new LogLines();
        var app = HubApp.Build(settings.ToArguments(), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new LogLinesProvider(logs));
            if (time is not null)
            {
                builder.Services.Replace(ServiceDescriptor.Singleton(time));
                builder.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            }

            if (faults is not null)
            {
                builder.Services.AddHubFaults(faults);
            }
        });
        await app.StartAsync();
        return new InProcessHub(settings, app, logs);
    }

    /// <summary>Stops the silo (gracefully: its grains move to the other silos of the cluster). Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
