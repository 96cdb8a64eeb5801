using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>The real Orleans ADO.NET reminder table, built from its own registration without a silo around it.</summary>
internal static class ReminderTables
{
    public static async Task<(IReminderTable Table, ServiceProvider Services)> CreateAsync(
        DatabaseProvider provider, string connectionString, string serviceId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = "reminder-table";
            cluster.ServiceId = serviceId;
        });
        services.UseAdoNetReminderService(options => options.Configure(reminders =>
        {
            reminders.Invariant = AdoNetInvariant.For(provider);
            reminders.ConnectionString = connectionString;
        }));
        var provided = services.BuildServiceProvider();
        var table = provided.GetRequiredService<IReminderTable>();
        await table.StartAsync();
        return (table, provided);
    }
}
