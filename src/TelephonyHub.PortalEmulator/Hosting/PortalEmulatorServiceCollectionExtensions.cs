using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TelephonyHub.PortalEmulator.Admin;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Events;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Pages;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Rest;
using TelephonyHub.PortalEmulator.Telephony;
using TelephonyHub.PortalEmulator.Users;

namespace TelephonyHub.PortalEmulator.Hosting;

/// <summary>Registers the emulator: the same composition standalone (<c>Program.cs</c>) and in-process.</summary>
public static class PortalEmulatorServiceCollectionExtensions
{
    /// <summary>Adds every emulator service, with options bound by <paramref name="configure"/> and validated at start.</summary>
    public static IServiceCollection AddPortalEmulator(this IServiceCollection services, Action<PortalEmulatorOptions> configure)
    {
        services.AddOptions<PortalEmulatorOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<IOptions<PortalEmulatorOptions>>().Value.TimeProvider));
        services.ConfigureHttpJsonOptions(json => AdminJson.Configure(json.SerializerOptions));
        services.AddHttpClient(EventSender.Client, (sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<PortalEmulatorOptions>>().Value.EventTimeoutSeconds));
        services.AddHttpClient(AttachRecordMethod.DownloadClient, client => client.Timeout = TimeSpan.FromSeconds(60));

        services.AddSingleton<PortalDirectory>();
        services.AddSingleton<AppCatalog>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<EmulatorAddress>();
        services.AddSingleton<RecordUploads>();
        services.AddSingleton<AuthResolver>();
        services.AddSingleton<FaultGate>();
        services.AddSingleton<RestMethodTable>();
        services.AddSingleton<RestDispatcher>();
        services.AddSingleton<RestGateway>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<RecordUploadEndpoint>();
        services.AddSingleton<EventSender>();
        services.AddSingleton<EventAuthBlock>();
        services.AddSingleton<AppLifecycle>();
        services.AddSingleton<ClickToCall>();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<InstallerSessions>();

        services.AddSingleton<IRestMethodGroup, ExternalCallMethods>();
        services.AddSingleton<IRestMethodGroup, AttachRecordMethod>();
        services.AddSingleton<IRestMethodGroup, SearchCrmEntitiesMethod>();
        services.AddSingleton<IRestMethodGroup, ExternalLineMethods>();
        services.AddSingleton<IRestMethodGroup, EventMethods>();
        services.AddSingleton<IRestMethodGroup, BatchMethods>();
        services.AddSingleton<IRestMethodGroup, CrmMethods>();
        services.AddSingleton<IRestMethodGroup, DealListMethod>();
        services.AddSingleton<IRestMethodGroup, UserMethods>();
        services.AddSingleton<IRestMethodGroup, AppMethods>();

        services.AddHostedService<SeedLoader>();
        return services;
    }
}
