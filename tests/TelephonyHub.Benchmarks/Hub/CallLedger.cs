using System.Collections.Concurrent;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Load;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>Every call of a load run: its portal and kind, when its first and its ending event were sent, how it went.</summary>
public sealed class CallLedger(TimeProvider time) : ILoadObserver
{
    private readonly ConcurrentDictionary<string, CallTrace> _calls = new(StringComparer.Ordinal);

    public IReadOnlyCollection<CallTrace> Calls => [.. _calls.Values];

    public void EventSending(PlannedCall call, PbxEvent evt, DateTimeOffset at)
    {
        var trace = _calls.GetOrAdd(call.CallId, _ => new CallTrace(call));
        switch (evt.KindCase)
        {
            case PbxEvent.KindOneofCase.CallStarted:
                trace.StartedSentAt = at;
                break;
            case PbxEvent.KindOneofCase.CallEnded:
                trace.EndedSentAt = at;
                break;
        }

        if (evt.KindCase != PbxEvent.KindOneofCase.CallStarted)
        {
            trace.StartTaken = true; // the PBX sends a call's next event only once the previous one was acknowledged
        }
    }

    public void CallFinished(PlannedCall call, bool succeeded)
    {
        var trace = _calls.GetOrAdd(call.CallId, _ => new CallTrace(call));
        trace.FinishedAt = time.GetUtcNow();
        trace.Succeeded = succeeded;
    }
}

/// <summary>One call as the PBX played it (times on the benchmark's clock, which the emulator shares).</summary>
public sealed class CallTrace(PlannedCall call)
{
    public PlannedCall Call => call;

    public DateTimeOffset? StartedSentAt { get; set; }

    public DateTimeOffset? EndedSentAt { get; set; }

    /// <summary>When the PBX saw the call's last acknowledgement (or gave up on it).</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The hub acknowledged the call's start (the PBX went on to its next event).</summary>
    public bool StartTaken { get; set; }

    /// <summary>Null while playing; true when every event was acknowledged.</summary>
    public bool? Succeeded { get; set; }
}
