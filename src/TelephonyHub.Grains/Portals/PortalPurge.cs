using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Grains.Portals;

/// <summary>
/// The purge of an uninstalled portal's data for its grain: a reminder at the end of the retention (it survives
/// restarts, and a reinstall cancels it), then the portal's parts — dispatch, PBX link, presence, recent calls.
/// </summary>
public sealed class PortalPurge(IGrainBase grain, IGrainFactory grains, string portalId)
{
    public const string ReminderName = "purge-uninstalled";

    /// <summary>Orleans' default floor for reminder periods; the reminder is cancelled when it first fires.</summary>
    private static readonly TimeSpan MinimumPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Purges the data after <paramref name="keepFor"/>.</summary>
    public Task ScheduleAsync(TimeSpan keepFor) =>
        grain.RegisterOrUpdateReminder(ReminderName, keepFor, keepFor > MinimumPeriod ? keepFor : MinimumPeriod);

    /// <summary>Cancels the reminder (a reinstall within the retention keeps everything; a purge that ran needs it no more).</summary>
    public async Task CancelAsync(string reminderName = ReminderName)
    {
        if (await grain.GetReminder(reminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    /// <summary>Purges the portal's parts, one after the other; the portal's own record goes after them.</summary>
    public async Task PurgePartsAsync()
    {
        IPortalPart[] parts =
        [
            grains.GetGrain<IPortalDispatchGrain>(portalId),
            grains.GetGrain<IPbxLinkGrain>(portalId),
            grains.GetGrain<IPresenceGrain>(portalId),
            grains.GetGrain<IRecentCallsGrain>(portalId),
        ];
        foreach (var part in parts)
        {
            await part.PurgeAsync();
        }
    }
}
