using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Silo.Settings;

/// <summary>Everything the settings page shows, gathered from the portal's grains.</summary>
public sealed record SettingsView(
    string SessionToken,
    PortalOverview Portal,
    PbxLinkStatus Pbx,
    DispatchStatus Bitrix24,
    IssuedPbxKey? NewKey = null,
    string? Notice = null)
{
    /// <summary>The call queues section (<see cref="QueueSettingsRenderer"/>).</summary>
    public QueueSettingsView Queues { get; init; } = QueueSettingsView.Empty;
}
