using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Client;
using TelephonyHub.PbxSimulator.Commands;

namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>
/// What a scenario plays with: the PBX stream, an event builder on the simulator's clock, the PBX's settings, and the
/// command player (to follow the hub's commands for the scenario's call). Records every step for the result.
/// </summary>
public sealed class ScenarioContext(PbxConnection connection, PbxCommandPlayer commands, ScenarioSettings settings, TimeProvider time)
{
    private readonly List<ScenarioStep> _steps = [];
    private readonly List<string> _callIds = [];

    public PbxConnection Connection => connection;

    public PbxCommandPlayer Commands => commands;

    public ScenarioSettings Settings => settings;

    public TimeProvider Time => time;

    public PbxEventBuilder Events { get; } = new(time);

    /// <summary>A fresh PBX call id (like an Asterisk linkedid), remembered for the result.</summary>
    public string NewCallId()
    {
        var callId = $"sim-{Guid.NewGuid():N}"[..20];
        _callIds.Add(callId);
        return callId;
    }

    /// <summary>Sends an event, waits for its acknowledgement and records both.</summary>
    public async Task<EventAck> SendAsync(PbxEvent evt, CancellationToken cancellationToken)
    {
        var ack = await connection.SendAsync(evt, cancellationToken);
        _steps.Add(new ScenarioStep(evt, ack));
        return ack;
    }

    /// <summary>
    /// A new customer call to the settings' extension: announces it, rings the extension for the ring time, and answers
    /// the call's id (the start of the scenarios on an extension).
    /// </summary>
    public async Task<string> RingExtensionAsync(CancellationToken cancellationToken)
    {
        var call = NewCallId();
        await SendAsync(Events.InboundCall(call, settings.CustomerNumber, settings.Extension, settings.LineNumber, settings.DialledNumber), cancellationToken);
        await SendAsync(Events.Ringing(call, [settings.Extension]), cancellationToken);
        await WaitAsync(settings.RingTime, cancellationToken);
        return call;
    }

    /// <summary>Waits as long as the PBX would (ringing, talking) on the simulator's clock.</summary>
    public Task WaitAsync(TimeSpan span, CancellationToken cancellationToken) =>
        span <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(span, time, cancellationToken);

    public ScenarioResult Result(string scenario) => new(scenario, [.. _callIds], [.. _steps]);
}
