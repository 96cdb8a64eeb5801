using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Silo.Settings;

/// <summary>What the settings page's queue section shows: the queues, and why the last save was refused.</summary>
public sealed record QueueSettingsView(ImmutableArray<QueueDefinition> Queues, ImmutableArray<string> Errors)
{
    public static QueueSettingsView Empty { get; } = new([], []);
}
