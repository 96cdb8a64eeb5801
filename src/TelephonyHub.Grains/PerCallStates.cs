using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.ClickToCall;
using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Grains;

/// <summary>
/// The stored grain states that belong to one call: the call itself, the click-to-call that started it (when an
/// operator clicked) and its recording job. Each call adds a row of each, so they grow with call volume, and once the
/// call is over and late events have had their time nothing reads them again: the host deletes them after a retention
/// period. Portals, presence, dispatch queues and PBX links are few and live on; they are not listed here.
/// </summary>
public static class PerCallStates
{
    /// <summary>The state of <see cref="CallGrain"/>.</summary>
    public const string Call = "call";

    /// <summary>The state of <see cref="ClickToCallGrain"/>.</summary>
    public const string Click = "click";

    /// <summary>The state of <see cref="RecordingGrain"/>.</summary>
    public const string Recording = "recording";

    /// <summary>Each per-call state name with the grain class that stores it.</summary>
    public static IReadOnlyList<(string StateName, Type GrainClass)> All { get; } =
    [
        (Call, typeof(CallGrain)),
        (Click, typeof(ClickToCallGrain)),
        (Recording, typeof(RecordingGrain)),
    ];
}
