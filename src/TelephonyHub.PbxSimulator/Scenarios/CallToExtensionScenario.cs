using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>Scenario 1: a customer dials a user's extension, the user answers, they talk, the customer hangs up.</summary>
public sealed class CallToExtensionScenario : IPbxScenario
{
    public string Name => "call-to-extension";

    public string Description => "Inbound call to an extension, answered (scenario 1): register with the card for the extension's owner, then finish";

    public async Task<ScenarioResult> PlayAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var s = context.Settings;
        var call = await context.RingExtensionAsync(cancellationToken);
        await context.SendAsync(context.Events.Answered(call, s.Extension), cancellationToken);
        await context.WaitAsync(s.TalkTime, cancellationToken);
        await context.SendAsync(context.Events.Ended(call, CallOutcome.Answered, (int)s.TalkTime.TotalSeconds), cancellationToken);
        return context.Result(Name);
    }
}
