using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Silo.Recordings;

/// <summary>Registers the recording store in the hub's database and its retention sweep.</summary>
public static class RecordingStoreExtensions
{
    /// <summary>Needs the <c>Storage</c> options (registered by <c>UseTelephonyHubStorage</c>).</summary>
    public static IServiceCollection AddRecordingStore(this IServiceCollection services)
    {
        services.AddSingleton<IRecordingStore, SqlRecordingStore>();
        services.AddHostedService<RecordingRetentionSweep>();
        return services;
    }
}
