using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>A customer dials an extension, it rings, nobody picks up: a missed call.</summary>
public sealed class MissedCallScenario : IPbxScenario
{
    public string Name => "missed-call";

    public string Description => "Inbound call to an extension nobody answers: the card goes, the call is finished as missed (304)";

    public async Task<ScenarioResult> PlayAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var s = context.Settings;
        var call = await context.RingExtensionAsync(cancellationToken);
        await context.SendAsync(context.Events.Ended(call, CallOutcome.NoAnswer), cancellationToken);
        return context.Result(Name);
    }
}
