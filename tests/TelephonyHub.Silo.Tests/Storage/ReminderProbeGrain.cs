namespace TelephonyHub.Silo.Tests.Storage;

public sealed class ReminderProbeGrain(ReminderTicks ticks) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    async Task IReminderProbeGrain.RegisterAsync(TimeSpan dueTime, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    async Task<bool> IReminderProbeGrain.IsRegisteredAsync() => await this.GetReminder(ReminderName) is not null;

    async Task IReminderProbeGrain.UnregisterAsync()
    {
        var reminder = await this.GetReminder(ReminderName)
            ?? throw new InvalidOperationException($"Grain {this.GetPrimaryKeyString()} has no reminder '{ReminderName}' to unregister.");
        await this.UnregisterReminder(reminder);
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.Record(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}
