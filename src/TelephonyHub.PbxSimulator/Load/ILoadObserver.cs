using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Load;

/// <summary>
/// Watches a load run call by call (the benchmark matches what the PBX sent with what Bitrix24 received). Called on
/// many threads at once: implementations are quick and thread-safe.
/// </summary>
public interface ILoadObserver
{
    /// <summary>An event of a call is about to be written to its portal's stream, at <paramref name="at"/>.</summary>
    void EventSending(PlannedCall call, PbxEvent evt, DateTimeOffset at);

    /// <summary>A call played to its end: every event acknowledged (<paramref name="succeeded"/>), or it failed.</summary>
    void CallFinished(PlannedCall call, bool succeeded);
}
