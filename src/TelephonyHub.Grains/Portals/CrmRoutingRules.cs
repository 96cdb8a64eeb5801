using System.Globalization;
using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Portals;

/// <summary>What the settings page may set for CRM routing, checked with messages an admin can act on.</summary>
public static class CrmRoutingRules
{
    /// <exception cref="ArgumentException">Why the settings cannot be applied.</exception>
    public static PortalState Update(PortalState state, CrmRoutingSettings settings)
    {
        var answer = settings.ManagerAnswerTime;
        if (answer < CrmRoutingSettings.MinManagerAnswerTime || answer > CrmRoutingSettings.MaxManagerAnswerTime || answer.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The manager's answer time is a whole number of seconds from {CrmRoutingSettings.MinManagerAnswerTime.TotalSeconds:0} to {CrmRoutingSettings.MaxManagerAnswerTime.TotalSeconds:0} (it is {answer.TotalSeconds:0.###})."));
        }

        return state with { Settings = state.Settings with { CrmRouting = settings } };
    }
}
