using System.Collections.Concurrent;

namespace TelephonyHub.Testing.Faults;

/// <summary>
/// Failures a test switches on inside a running hub (<see cref="HubFaultInjection"/>): the hub's own parts breaking
/// (a grain call, the recording store's database), to see what the PBX is told and that nothing is lost.
/// </summary>
public sealed class HubFaults
{
    private readonly ConcurrentDictionary<string, byte> _failingEvents = new(StringComparer.Ordinal);

    /// <summary>While true, saving a recording fails as a database that went away would.</summary>
    public bool RecordingStoreDown { get; set; }

    /// <summary>The call grain fails to apply the event with this id until <see cref="Heal"/>.</summary>
    public void FailEvent(string eventId) => _failingEvents[eventId] = 0;

    public bool Fails(string eventId) => _failingEvents.ContainsKey(eventId);

    public void Heal()
    {
        _failingEvents.Clear();
        RecordingStoreDown = false;
    }
}
