using System.Globalization;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Rest;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>A call center's morning: many short calls to Anna's extension at once, and what the portal saw of them.</summary>
internal static class BurstTraffic
{
    /// <summary>Plays <paramref name="count"/> calls (started, answered, ended with <c>talk = index + 1</c> seconds) all at once.</summary>
    public static Task PlayAsync(TelephonyWorld world, PbxTestClient pbx, string prefix, int count, int first = 0) =>
        Task.WhenAll(Enumerable.Range(first, count).Select(i => pbx.SendAllAsync(
            world.Events.InboundCall(CallId(prefix, i), "+4930555" + i.ToString("0000", CultureInfo.InvariantCulture), "101"),
            world.Events.Answered(CallId(prefix, i), "101"),
            world.Events.Ended(CallId(prefix, i), CallOutcome.Answered, talkSeconds: i + 1))));

    public static string CallId(string prefix, int index) => $"{prefix}-{index}";

    /// <summary>The requests the portal received after the one with sequence <paramref name="after"/>.</summary>
    public static IReadOnlyList<RequestLogEntry> Since(PortalSnapshot snapshot, long after) => [.. snapshot.Requests.Where(r => r.Sequence > after)];

    /// <summary>HTTP requests (a batch is one) and the Bitrix24 method calls they carried.</summary>
    public static (int HttpRequests, int MethodCalls) Count(IReadOnlyList<RequestLogEntry> requests) =>
        (requests.Count(r => r.IsHttpRequest), requests.Count(r => r.Method != "batch"));

    public static long LastSequence(PortalSnapshot snapshot) => snapshot.Requests.IsEmpty ? 0 : snapshot.Requests[^1].Sequence;
}
