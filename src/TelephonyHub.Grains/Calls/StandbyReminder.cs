namespace TelephonyHub.Grains.Calls;

/// <summary>
/// A reminder that stands by while a grain waits for something a silo loss must not lose (a recording, a queue step, an
/// outbox not handed over). It remembers whether this activation has it registered, so a grain that changes state often
/// does not ask the reminder table on every change; after a reactivation it is unknown until it fires or is ensured.
/// </summary>
public sealed class StandbyReminder(IGrainBase grain, string name)
{
    private bool _registered;

    /// <summary>The reminder's name, as <see cref="IRemindable.ReceiveReminder(string, TickStatus)"/> receives it.</summary>
    public string Name => name;

    /// <summary>The reminder fired: it exists, whatever this activation remembered.</summary>
    public void Fired() => _registered = true;

    /// <summary>Registers the reminder unless this activation knows it is registered.</summary>
    public async Task EnsureAsync(TimeSpan due, TimeSpan period)
    {
        if (!_registered)
        {
            await grain.RegisterOrUpdateReminder(name, due, period);
            _registered = true;
        }
    }

    /// <summary>Unregisters the reminder if this activation knows it is registered.</summary>
    public async Task DropAsync()
    {
        if (!_registered)
        {
            return;
        }

        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }

        _registered = false;
    }
}
