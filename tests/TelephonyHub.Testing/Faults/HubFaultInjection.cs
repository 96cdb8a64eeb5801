using Microsoft.Extensions.DependencyInjection;
using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Testing.Faults;

/// <summary>Wires <see cref="HubFaults"/> into a hub's services: a grain call filter and a recording store wrapper.</summary>
public static class HubFaultInjection
{
    public static IServiceCollection AddHubFaults(this IServiceCollection services, HubFaults faults)
    {
        services.AddSingleton(faults);
        services.AddSingleton<IIncomingGrainCallFilter, FailingEventsFilter>();
        var store = services.Single(d => d.ServiceType == typeof(IRecordingStore));
        services.Remove(store);
        services.AddSingleton<IRecordingStore>(provider => new FailingRecordingStore(
            (IRecordingStore)ActivatorUtilities.CreateInstance(provider, store.ImplementationType!), faults));
        return services;
    }
}
