using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>Scenario 5: an answered call ends while its recording is still being written; the recording follows later.</summary>
public sealed class RecordingLateScenario : IPbxScenario
{
    public string Name => "recording-late";

    public string Description => "Answered call whose recording comes after the hang-up (scenario 5): hide at once, finish and attach when it is ready";

    public async Task<ScenarioResult> PlayAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var s = context.Settings;
        var recording = s.RecordingUrl
            ?? throw new InvalidOperationException("The recording-late scenario needs a recording URL the hub can fetch (--recording-url).");
        var call = await context.RingExtensionAsync(cancellationToken);
        await context.SendAsync(context.Events.Answered(call, s.Extension), cancellationToken);
        await context.WaitAsync(s.TalkTime, cancellationToken);
        await context.SendAsync(context.Events.Ended(call, CallOutcome.Answered, (int)s.TalkTime.TotalSeconds, recordingPending: true), cancellationToken);
        await context.WaitAsync(s.RecordingDelay, cancellationToken);
        await context.SendAsync(context.Events.RecordingReady(call, recording, $"{call}.wav"), cancellationToken);
        return context.Result(Name);
    }
}
