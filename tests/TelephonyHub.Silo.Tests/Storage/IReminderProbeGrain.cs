namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>A grain that keeps one reminder and reports its ticks to <see cref="ReminderTicks"/>.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(TimeSpan dueTime, TimeSpan period);

    /// <summary>Whether the reminder can be read back from the reminder table.</summary>
    Task<bool> IsRegisteredAsync();

    Task UnregisterAsync();
}
