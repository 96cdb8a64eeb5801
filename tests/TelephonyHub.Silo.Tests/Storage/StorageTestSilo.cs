using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>
/// An in-process silo wired exactly like the hub's (<see cref="StorageSiloBuilderExtensions.UseTelephonyHubStorage"/>
/// from a <c>Storage</c> configuration section), on loopback ports of its own.
/// </summary>
internal sealed class StorageTestSilo : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly IHost host;

    private StorageTestSilo(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public ReminderTicks Ticks => Services.GetRequiredService<ReminderTicks>();

    public static Dictionary<string, string?> PostgreSql(string connectionString) =>
        new() { ["Storage:ConnectionString"] = connectionString };

    public static Dictionary<string, string?> Sqlite(string dataDirectory) =>
        new() { ["Storage:DataDirectory"] = dataDirectory };

    public static async Task<StorageTestSilo> StartAsync(
        IReadOnlyDictionary<string, string?> configuration, string clusterId, string serviceId, string siloName = "silo-1",
        Action<ISiloBuilder>? alsoConfigure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton<ReminderTicks>();
        builder.UseOrleans(silo =>
        {
            silo.UseTelephonyHubStorage(builder.Configuration);
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = serviceId;
            });
            silo.Configure<SiloOptions>(options => options.SiloName = siloName);
            silo.Configure<EndpointOptions>(endpoints =>
            {
                endpoints.AdvertisedIPAddress = IPAddress.Loopback;
                endpoints.SiloPort = FreeLoopbackPort();
                endpoints.GatewayPort = 0;
            });
            // The default minimum period is one minute (reference orleans-10.md, pitfall 4).
            silo.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            alsoConfigure?.Invoke(silo);
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new StorageTestSilo(host);
    }

    /// <summary>Waits until this silo sees <paramref name="count"/> active silos (itself included).</summary>
    public async Task WaitForActiveSilosAsync(int count, TimeSpan timeout)
    {
        var membership = Services.GetRequiredService<IClusterMembershipService>();
        using var cancellation = new CancellationTokenSource();
        var reached = WatchAsync(membership, count, cancellation.Token);
        try
        {
            await reached.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            var active = membership.CurrentSnapshot.Members.Values.Where(member => member.Status == SiloStatus.Active);
            throw new TimeoutException(
                $"Silo {Address} expected {count} active silos within {timeout.TotalSeconds:0} s; it sees [{string.Join(", ", active.Select(member => member.SiloAddress))}].");
        }
        finally
        {
            await cancellation.CancelAsync();
        }

        static async Task WatchAsync(IClusterMembershipService membership, int count, CancellationToken cancellationToken)
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cancellationToken))
            {
                if (snapshot.Members.Values.Count(member => member.Status == SiloStatus.Active) >= count)
                {
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await host.StopAsync(timeout.Token);
        }
        finally
        {
            host.Dispose();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
