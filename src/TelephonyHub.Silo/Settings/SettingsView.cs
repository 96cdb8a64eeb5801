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
    ImmutableArray<FinishedCallSummary> RecentCalls)
{
    public IssuedPbxKey? NewKey { get; init; }

    public string? Notice { get; init; }

    public bool NoticeIsError { get; init; }

    /// <summary>The call queues section (<see cref="QueueSettingsRenderer"/>).</summary>
    public QueueSettingsView Queues { get; init; } = QueueSettingsView.Empty;
}
