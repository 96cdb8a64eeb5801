using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>
/// The silo's garbage-collection pauses while a load plays, read from its runtime over EventPipe (as dotnet-counters
/// and dotnet-trace do): each stop of the world for a GC, from suspension to restart. Whatever reaches the silo during
/// a pause waits it out, so the longest pauses bound what a tail latency can be without them.
/// </summary>
public sealed class GcPauseRecorder : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly List<double> _pausesMs = [];
    private double? _suspendedAtMs;
    private bool _stopped;

    private GcPauseRecorder(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCSuspendEEStart += OnSuspending;
        source.Clr.GCRestartEEStop += OnRestarted;
        _reading = Task.Run(() =>
        {
            using (source)
            {
                source.Process();
            }
        });
    }

    public static GcPauseRecorder Start(int processId)
    {
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC);
        return new GcPauseRecorder(new DiagnosticsClient(processId).StartEventPipeSession(provider, requestRundown: false));
    }

    /// <summary>Ends the session and returns the pauses seen, over a window of <paramref name="window"/>.</summary>
    public async Task<GcPauses> StopAsync(TimeSpan window)
    {
        if (!_stopped)
        {
            _stopped = true;
            await _session.StopAsync(CancellationToken.None);
            await _reading;
        }

        lock (_pausesMs)
        {
            return GcPauses.Of([.. _pausesMs], window);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero);
        _session.Dispose();
    }

    private void OnSuspending(GCSuspendEETraceData suspension)
    {
        // Other suspensions (a debugger, code pitching) are not the GC's; none happen in a benchmark run anyway.
        _suspendedAtMs = suspension.Reason is GCSuspendEEReason.SuspendForGC or GCSuspendEEReason.SuspendForGCPrep
            ? suspension.TimeStampRelativeMSec
            : null;
    }

    private void OnRestarted(GCNoUserDataTraceData restart)
    {
        if (_suspendedAtMs is not { } suspendedAt)
        {
            return;
        }

        _suspendedAtMs = null;
        lock (_pausesMs)
        {
            _pausesMs.Add(restart.TimeStampRelativeMSec - suspendedAt);
        }
    }
}
