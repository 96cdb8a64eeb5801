using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>A user answers a customer's call and transfers it to a colleague, who finishes it.</summary>
public sealed class TransferScenario : IPbxScenario
{
    public string Name => "transfer";

    public string Description => "Inbound call answered at one extension and transferred to another: the card moves, the colleague finishes";

    public async Task<ScenarioResult> PlayAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var s = context.Settings;
        var call = await context.RingExtensionAsync(cancellationToken);
        await context.SendAsync(context.Events.Answered(call, s.Extension), cancellationToken);
        await context.WaitAsync(s.TalkTime / 2, cancellationToken);
        await context.SendAsync(context.Events.Transferred(call, s.Extension, s.OtherExtension), cancellationToken);
        await context.WaitAsync(s.TalkTime / 2, cancellationToken);
        await context.SendAsync(context.Events.Ended(call, CallOutcome.Answered, (int)s.TalkTime.TotalSeconds), cancellationToken);
        return context.Result(Name);
    }
}
