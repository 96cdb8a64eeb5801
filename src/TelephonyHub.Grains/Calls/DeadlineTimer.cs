namespace TelephonyHub.Grains.Calls;

/// <summary>
/// A one-shot grain timer on a deadline the grain keeps in its state: armed for what is left of the deadline (at once
/// when it has passed), so a reactivation re-arms it from storage. It lives and dies with the activation; a wait that
/// must survive a silo loss pairs it with a <see cref="StandbyReminder"/>.
/// </summary>
/// <param name="grain">The grain whose turns the timer runs in (not interleaved with its other calls).</param>
/// <param name="onDue">What to do when the deadline comes; it may find the deadline not quite due yet (a timer can fire
/// a hair early) and call <see cref="Forget"/> to be armed again.</param>
/// <param name="keepAlive">Whether the timer keeps the activation from being collected while it waits.</param>
public sealed class DeadlineTimer(IGrainBase grain, TimeProvider time, Func<Task> onDue, bool keepAlive = false)
{
    private IGrainTimer? _timer;

    /// <summary>The deadline the timer is armed for; null when disarmed or forgotten.</summary>
    public DateTimeOffset? ArmedFor { get; private set; }

    /// <summary>Arms the timer for <paramref name="deadline"/> unless it is armed for that deadline already.</summary>
    public void Follow(DateTimeOffset deadline)
    {
        if (ArmedFor != deadline)
        {
            Arm(deadline);
        }
    }

    /// <summary>Arms the timer for <paramref name="deadline"/>, replacing whatever it was armed for.</summary>
    public void Arm(DateTimeOffset deadline)
    {
        _timer?.Dispose();
        var due = deadline - time.GetUtcNow();
        _timer = grain.RegisterGrainTimer(onDue,
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = keepAlive });
        ArmedFor = deadline;
    }

    /// <summary>Arms the timer anew for <paramref name="deadline"/>, or disarms it when there is none.</summary>
    public void ArmOrDisarm(DateTimeOffset? deadline)
    {
        if (deadline is { } due)
        {
            Arm(due);
        }
        else
        {
            Disarm();
        }
    }

    /// <summary>Forgets the deadline (the timer fired early): the next <see cref="Follow"/> arms it again, same deadline or not.</summary>
    public void Forget() => ArmedFor = null;

    /// <summary>Stops the timer: the grain no longer waits for this deadline.</summary>
    public void Disarm()
    {
        _timer?.Dispose();
        _timer = null;
        ArmedFor = null;
    }
}
