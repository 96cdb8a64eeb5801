namespace TelephonyHub.Grains.Calls;

/// <summary>
/// A call's timers and reminders. After every change they follow the deadlines stored in the state
/// (<see cref="CallDeadlines"/>): a grain timer fires at each deadline (re-armed after a reactivation; one already past
/// fires at once), and a reminder stands by in case the silo dies first — the recording wait (scenario 5: it must
/// survive restarts), a queue step, the manager's phone ringing. The outbox's retry reminder lives here too.
/// </summary>
public sealed class CallWakeups
{
    /// <summary>The outbox retry's period: Orleans' default floor for reminders.</summary>
    private static readonly TimeSpan OutboxRetryPeriod = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly TimeSpan _minimumReminderPeriod;
    private readonly TimeSpan _wakePeriod;
    private readonly DeadlineTimer _recordingWait;
    private readonly DeadlineTimer _queueStep;
    private readonly DeadlineTimer _crmWait;
    private readonly StandbyReminder _outboxRetry;
    private readonly StandbyReminder _recordingReminder;
    private readonly StandbyReminder _queueReminder;
    private readonly StandbyReminder _crmReminder;

    /// <param name="minimumReminderPeriod">Orleans' floor for reminder periods (1 minute unless configured lower, as tests do).</param>
    /// <param name="wakePeriod">How often a queued or CRM-routed call's reminder ticks (<c>CallQueues:WakeReminderPeriod</c>).</param>
    public CallWakeups(
        IGrainBase grain,
        TimeProvider time,
        TimeSpan minimumReminderPeriod,
        TimeSpan wakePeriod,
        Func<Task> recordingWaitExpired,
        Func<Task> queueStepDue,
        Func<Task> crmWaitOver)
    {
        _time = time;
        _minimumReminderPeriod = minimumReminderPeriod;
        _wakePeriod = wakePeriod;
        _recordingWait = new DeadlineTimer(grain, time, recordingWaitExpired);
        _queueStep = new DeadlineTimer(grain, time, queueStepDue);
        _crmWait = new DeadlineTimer(grain, time, crmWaitOver);
        _outboxRetry = new StandbyReminder(grain, "call-outbox");
        _recordingReminder = new StandbyReminder(grain, "recording-wait");
        _queueReminder = new StandbyReminder(grain, "queue-wake");
        _crmReminder = new StandbyReminder(grain, "crm-wake");
    }

    /// <summary>A reminder fired: which wait it belongs to (any other name is the outbox's retry, as it always was).</summary>
    public CallWakeup Fired(string reminderName)
    {
        var (reminder, wakeup) =
            reminderName == _recordingReminder.Name ? (_recordingReminder, CallWakeup.RecordingWait)
            : reminderName == _queueReminder.Name ? (_queueReminder, CallWakeup.QueueStep)
            : reminderName == _crmReminder.Name ? (_crmReminder, CallWakeup.CrmWait)
            : (_outboxRetry, CallWakeup.OutboxRetry);
        reminder.Fired();
        return wakeup;
    }

    /// <summary>Arms what <paramref name="state"/> waits for and drops what it no longer does.</summary>
    public async Task SyncAsync(CallState state)
    {
        var deadlines = CallDeadlines.Of(state);
        if (deadlines.RecordingWait is { } wait)
        {
            // Armed anew each time (not only when the deadline moves): the wait's reminder ticks re-arm a timer that fired.
            var due = wait - _time.GetUtcNow();
            _recordingWait.Arm(wait);
            await _recordingReminder.EnsureAsync(due > _minimumReminderPeriod ? due : _minimumReminderPeriod, _minimumReminderPeriod);
        }
        else
        {
            _recordingWait.Disarm();
            await _recordingReminder.DropAsync();
        }

        if (deadlines.QueueStep is { } step)
        {
            _queueStep.Follow(step);
            await _queueReminder.EnsureAsync(_wakePeriod, _wakePeriod);
        }
        else
        {
            _queueStep.Disarm();
            await _queueReminder.DropAsync();
        }

        if (deadlines.CrmWait is not { } crm)
        {
            _crmWait.Disarm();
            await _crmReminder.DropAsync();
            return;
        }

        _crmWait.Follow(crm);
        if (deadlines.CrmStandby)
        {
            await _crmReminder.EnsureAsync(_wakePeriod, _wakePeriod);
        }
    }

    /// <summary>The queue step's timer fired before the step was due: the next sync arms it for what is left.</summary>
    public void QueueStepEarly() => _queueStep.Forget();

    /// <summary>The CRM wait's timer fired before the wait was due: the next sync arms it for what is left.</summary>
    public void CrmWaitEarly() => _crmWait.Forget();

    /// <summary>Stored but not handed over: a reminder retries until the dispatch has it.</summary>
    public Task RetryOutboxAsync() => _outboxRetry.EnsureAsync(OutboxRetryPeriod, OutboxRetryPeriod);

    /// <summary>The outbox is handed over: its retry is no longer needed.</summary>
    public Task OutboxHandedOverAsync() => _outboxRetry.DropAsync();
}
