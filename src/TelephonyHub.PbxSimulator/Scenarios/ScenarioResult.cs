using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>What a scenario run sent and what the hub answered.</summary>
public sealed record ScenarioResult(string Scenario, IReadOnlyList<string> CallIds, IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>Every event was applied by the hub.</summary>
    public bool Succeeded => Steps.Count > 0 && Steps.All(s => s.Ack.Status == EventAckStatus.Applied);
}

/// <summary>One event of a scenario and the hub's acknowledgement of it.</summary>
public sealed record ScenarioStep(PbxEvent Event, EventAck Ack);
