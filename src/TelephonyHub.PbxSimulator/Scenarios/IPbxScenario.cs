namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>
/// One call situation the simulator can play on demand against a hub, e.g. "call to an extension". Adding a scenario
/// is adding a class with a parameterless constructor: <see cref="ScenarioCatalog"/> finds it.
/// </summary>
public interface IPbxScenario
{
    /// <summary>The name on the command line, e.g. <c>call-to-extension</c>.</summary>
    string Name { get; }

    /// <summary>One line: what happens at the PBX (and what the hub should do in Bitrix24).</summary>
    string Description { get; }

    /// <summary>Plays the scenario's events (and answers the hub's commands for its call) on the context's stream.</summary>
    Task<ScenarioResult> PlayAsync(ScenarioContext context, CancellationToken cancellationToken);
}
