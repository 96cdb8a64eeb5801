namespace TelephonyHub.PbxSimulator.Load;

/// <summary>
/// Times the steps of a sequential queue as the PBX sees them: each RingExtensions announces how long the hub lets
/// those extensions ring (<c>ring_seconds</c>); when the next RingExtensions for the same call arrives, the difference
/// between the time that really passed and the announced step is the step's timing error.
/// </summary>
public sealed class QueueSteps(TimeProvider time, LatencyRecorder errors)
{
    private long _lastAt;
    private int _announcedSeconds;

    /// <summary>A RingExtensions arrived announcing <paramref name="ringSeconds"/> for its step.</summary>
    public void Next(int ringSeconds)
    {
        var now = time.GetTimestamp();
        if (_lastAt != 0 && _announcedSeconds > 0)
        {
            var took = time.GetElapsedTime(_lastAt, now);
            errors.Record((took - TimeSpan.FromSeconds(_announcedSeconds)).Duration());
        }

        _lastAt = now;
        _announcedSeconds = ringSeconds;
    }
}
