using TelephonyHub.PbxSimulator.Client;
using TelephonyHub.PbxSimulator.Commands;

namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>Plays one scenario on a fresh stream to the hub, answering the hub's commands meanwhile.</summary>
public static class ScenarioRunner
{
    /// <exception cref="Grpc.Core.RpcException">The hub refused the key or is unreachable.</exception>
    public static async Task<ScenarioResult> PlayAsync(Uri hub, string apiKey, IPbxScenario scenario, ScenarioSettings settings,
        IPbxTraffic traffic, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await PbxConnection.ConnectAsync(hub, apiKey, PbxIdentity.Simulator, traffic, cancellationToken: cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var player = new PbxCommandPlayer(connection, new CommandPlayback
        {
            OriginateAnswerAfter = settings.RingTime,
            OriginateTalkTime = settings.TalkTime,
        }, time);
        var answering = player.RunAsync(stop.Token);
        try
        {
            return await scenario.PlayAsync(new ScenarioContext(connection, player, settings, time), cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await answering;
        }
    }
}
