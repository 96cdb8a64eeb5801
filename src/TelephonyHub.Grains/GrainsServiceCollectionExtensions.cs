using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TelephonyHub.Bitrix24;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.ClickToCall;
using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Dispatch;
using TelephonyHub.Grains.Pbx;
using TelephonyHub.Grains.Portals;
using TelephonyHub.Grains.Recordings;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains;

/// <summary>
/// Registers what the grains need: their options, the Bitrix24 client, token protection, the recording fetcher and
/// metrics. The host adds an <see cref="IRecordingStore"/>.
/// </summary>
public static class GrainsServiceCollectionExtensions
{
    public static IServiceCollection AddTelephonyHubGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddBitrix24Client();
        services.AddOptions<DispatchOptions>().BindConfiguration("Dispatch").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PbxLinkOptions>().BindConfiguration("PbxLink").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PortalOptions>().BindConfiguration("Portals").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClickToCallOptions>().BindConfiguration("ClickToCall").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CallQueueOptions>().BindConfiguration("CallQueues").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CrmRoutingOptions>().BindConfiguration("CrmRouting").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Bitrix24Transmitter>();
        services.AddSingleton<DispatchMetrics>();
        services.AddSingleton<CallMetrics>();
        services.AddSingleton<PortalTokenProtector>();
        services.AddOptions<RecordingOptions>().BindConfiguration("Recordings").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RecordingMetrics>();
        // Recording downloads have their own timeout and retries (RecordingOptions), kept in the job's durable state.
        // Every connection is checked against the networks a PBX must not send the hub to (RecordingSourceGuard); no
        // proxy, so the address checked is the address dialled.
        services.AddSingleton<RecordingSourceGuard>();
        services.AddHttpClient<RecordingFetcher>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectCallback = provider.GetRequiredService<RecordingSourceGuard>().ConnectAsync,
                UseProxy = false,
            });
        services.AddTransient<RecordingUploader>();
        return services;
    }
}
