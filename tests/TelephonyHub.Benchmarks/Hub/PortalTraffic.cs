using TelephonyHub.PbxSimulator.Load;
using TelephonyHub.PortalEmulator;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>
/// What the emulated portals received for a load run's calls, matched to what the PBX sent (one clock: the emulator
/// and the simulator run in the benchmark process): the first Bitrix24 request of each call against the send time of
/// its CallStarted, the finish against its CallEnded, requests per call by kind, and the calls that never landed.
/// </summary>
public sealed class PortalTraffic
{
    public LatencyRecorder StartToFirstRequest { get; } = new();

    public LatencyRecorder EndToFinish { get; } = new();

    /// <summary>REST method calls (inner batch commands counted one by one) per call, by kind of call.</summary>
    public Dictionary<CallKind, (long Calls, long MethodCalls)> ByKind { get; } = [];

    /// <summary>
    /// Calls the hub took (their start was acknowledged) that are not in their portal's call log: the PBX played them to
    /// their end, or until the hub failed a later event.
    /// </summary>
    public long Lost { get; private set; }

    /// <summary>Calls whose start the hub never took: refused (UNAVAILABLE at capacity) until the PBX gave up, so the PBX knows.</summary>
    public long RefusedAtStart { get; private set; }

    /// <summary>Calls whose events the hub did not acknowledge (rejected, no answer in time, stream broke).</summary>
    public long FailedAtPbx { get; private set; }

    /// <summary>Calls still playing when the run's drain timeout cut them off.</summary>
    public long Unfinished { get; private set; }

    public long HttpRequests { get; private set; }

    public long LimitRejections { get; private set; }

    public long CallsLanded { get; private set; }

    /// <summary>Late-recording calls that landed without their recording attached.</summary>
    public long RecordingsMissing { get; private set; }

    public DateTimeOffset? FirstLandedAt { get; private set; }

    public DateTimeOffset? LastLandedAt { get; private set; }

    /// <summary>Calls finished in Bitrix24 during the second half of the arrival window.</summary>
    public long FinishedInSecondHalf { get; private set; }

    /// <param name="windowStart">When arrivals began.</param>
    /// <param name="duration">How long arrivals went on.</param>
    public static PortalTraffic Analyze(PortalEmulatorServer emulator, IReadOnlyList<TestPortal> portals, IEnumerable<CallTrace> calls,
        DateTimeOffset windowStart, TimeSpan duration)
    {
        var secondHalf = windowStart + (duration / 2);
        var traffic = new PortalTraffic();
        foreach (var group in calls.GroupBy(c => c.Call.Portal))
        {
            var snapshot = emulator.Snapshot(portals[group.Key].MemberId);
            var requests = snapshot.Requests.Where(r => r.At >= windowStart).ToList();
            traffic.HttpRequests += requests.Count(r => r.IsHttpRequest);
            traffic.LimitRejections += requests.Count(r => r.ErrorCode == "QUERY_LIMIT_EXCEEDED");
            var firstRegister = requests.Where(r => r.Method == "telephony.externalcall.register" && r.ErrorCode is null)
                .GroupBy(r => r.Parameter("EXTERNAL_CALL_ID") ?? "").ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var bitrixIds = snapshot.CallLog.Where(r => r.ExternalCallId is not null)
                .ToDictionary(r => r.ExternalCallId!, r => r, StringComparer.Ordinal);
            var byCallId = requests.Where(r => r.Method != "batch" && r.Parameter("CALL_ID") is not null)
                .GroupBy(r => r.Parameter("CALL_ID")!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

            foreach (var trace in group)
            {
                if (trace.Succeeded is null)
                {
                    traffic.Unfinished++;
                    continue;
                }

                if (trace.Succeeded == false)
                {
                    traffic.FailedAtPbx++;
                }

                if (!bitrixIds.TryGetValue(trace.Call.CallId, out var record))
                {
                    if (trace.Succeeded == false && !trace.StartTaken)
                    {
                        traffic.RefusedAtStart++;
                    }
                    else
                    {
                        traffic.Lost++;
                    }

                    continue;
                }

                traffic.CallsLanded++;
                if (trace.Call.Kind == CallKind.LateRecording && trace.Succeeded == true && record.Recording is null)
                {
                    traffic.RecordingsMissing++;
                }
                traffic.FirstLandedAt = traffic.FirstLandedAt is { } first && first < record.FinishedAt ? first : record.FinishedAt;
                traffic.LastLandedAt = traffic.LastLandedAt is { } last && last > record.FinishedAt ? last : record.FinishedAt;
                if (record.FinishedAt >= secondHalf && record.FinishedAt <= windowStart + duration)
                {
                    traffic.FinishedInSecondHalf++;
                }
                var own = byCallId.GetValueOrDefault(record.CallId) ?? [];
                var register = firstRegister.GetValueOrDefault(trace.Call.CallId);
                if (register is not null && trace.StartedSentAt is { } started)
                {
                    traffic.StartToFirstRequest.Record(register.At - started);
                }

                if (trace.Call.Kind != CallKind.LateRecording && trace.EndedSentAt is { } ended
                    && own.FirstOrDefault(r => r.Method == "telephony.externalcall.finish") is { } finish)
                {
                    traffic.EndToFinish.Record(finish.At - ended);
                }

                var (count, methods) = traffic.ByKind.GetValueOrDefault(trace.Call.Kind);
                traffic.ByKind[trace.Call.Kind] = (count + 1, methods + own.Count + (register is null ? 0 : 1));
            }
        }

        return traffic;
    }
}
