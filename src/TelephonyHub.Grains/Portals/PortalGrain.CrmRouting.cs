using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Portals;

/// <summary>The portal's CRM routing (<see cref="IPortalCrmRoutingGrain"/>): the same grain, its CRM routing face.</summary>
public sealed partial class PortalGrain : IPortalCrmRoutingGrain
{
    async Task IPortalCrmRoutingGrain.UpdateCrmRoutingAsync(CrmRoutingSettings settings)
    {
        state.State = CrmRoutingRules.Update(state.State, settings);
        await state.WriteStateAsync();
        LogCrmRoutingSaved(logger, PortalId, settings.Enabled, settings.PreferOpenDeal, settings.ManagerAnswerTime, settings.CreateLeads);
    }

    Task<ManagerDirectoryEntry> IPortalCrmRoutingGrain.FindManagerAsync(long userId, string? reportedExtension) =>
        Task.FromResult(ManagerDirectory.Find(state.State, userId, reportedExtension));
}
