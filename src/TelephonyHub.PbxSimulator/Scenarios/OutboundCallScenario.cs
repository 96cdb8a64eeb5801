using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>A user dials a customer from their phone; the customer answers; they talk; the user hangs up.</summary>
public sealed class OutboundCallScenario : IPbxScenario
{
    public string Name => "outbound-call";

    public string Description => "A user calls a customer from their phone: outgoing register for that user, then finish";

    public async Task<ScenarioResult> PlayAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var s = context.Settings;
        var call = context.NewCallId();
        await context.SendAsync(context.Events.OutboundCall(call, s.Extension, s.CustomerNumber, s.LineNumber), cancellationToken);
        await context.WaitAsync(s.RingTime, cancellationToken);
        // For an outbound call the contract names the user's own extension as the one that answered.
        await context.SendAsync(context.Events.Answered(call, s.Extension), cancellationToken);
        await context.WaitAsync(s.TalkTime, cancellationToken);
        await context.SendAsync(context.Events.Ended(call, CallOutcome.Answered, (int)s.TalkTime.TotalSeconds), cancellationToken);
        return context.Result(Name);
    }
}
