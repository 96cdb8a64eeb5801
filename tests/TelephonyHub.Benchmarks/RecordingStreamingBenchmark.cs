using System.Diagnostics;
using System.Globalization;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Benchmarks;

/// <summary>
/// Scenario 5 with a large recording (50 MB, <c>--mb=</c>): through the hub (its own process, the embedded default)
/// both ways — uploaded over gRPC, and fetched from a PBX URL — into its store and on to the emulated portal with the
/// two-step upload. Prints the hub's peak resident memory growth during each transfer next to the same figure for a
/// small file (<c>--small-mb=</c>): streamed, the growth does not follow the file's size. Linux (/proc) only for the
/// memory figures; the timings work anywhere.
/// </summary>
public sealed class RecordingStreamingBenchmark : IBenchmark
{
    private const double MiB = 1024 * 1024;

    public string Name => "recording-50mb";

    public string Description => "A 50 MB recording uploaded and fetched through the hub: hub peak memory growth vs a small file, MB/s";

    public async Task<BenchmarkReport> RunAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        var largeMb = run.Int("mb", measured: 50, @short: 4);
        var smallMb = run.Int("small-mb", measured: 2, @short: 1);
        await using var files = await RecordingFileServer.StartAsync();
        await using var world = await TelephonyWorld.StartAsync(async settings => await HubProcess.StartAsync(settings));
        var portal = await world.CreatePortalAsync();
        await world.Emulator.Admin.SetLimitsAsync(portal.MemberId, new LimitSettings { BucketDisabled = true, OperatingDisabled = true }, cancellationToken);
        await using var pbx = await world.ConnectPbxAsync(portal);
        var memory = new ProcessMemory(((HubProcess)world.Hub).ProcessId);

        var figures = new Dictionary<string, double> { ["file_mb"] = largeMb, ["small_file_mb"] = smallMb };
        foreach (var way in (string[])["upload", "url"])
        {
            foreach (var (label, mb) in new[] { ("small", smallMb), ("large", largeMb) })
            {
                var callId = $"{way}-{label}";
                var recording = new TestRecording($"{callId}.mp3", (long)(mb * MiB), seed: mb);
                await pbx.SendAllAsync(
                    world.Events.InboundCall(callId, "+4930900" + mb.ToString("000", CultureInfo.InvariantCulture), "101"),
                    world.Events.Answered(callId, "101"),
                    world.Events.Ended(callId, CallOutcome.Answered, talkSeconds: 60, recordingPending: true));

                var before = memory.Resident;
                var peakReset = memory.TryResetPeak();
                var clock = Stopwatch.StartNew();
                if (way == "upload")
                {
                    await using var content = recording.OpenRead();
                    var ack = await pbx.UploadRecordingAsync(world.Events.RecordingUpload(callId, recording.FileName, recording.Size), content);
                    if (ack.Status != EventAckStatus.Applied)
                    {
                        throw new InvalidOperationException($"The upload of {recording.FileName} was refused: {ack.Message}");
                    }
                }
                else
                {
                    await pbx.SendAsync(world.Events.RecordingReady(callId, files.Serve(recording)));
                }

                var done = await world.WaitForAsync(portal,
                    p => p.CallLog.Any(r => r.ExternalCallId == callId && r.Recording is not null),
                    $"the {mb} MB recording of {callId} attached", TimeSpan.FromMinutes(5));
                clock.Stop();
                var attached = done.CallLog.Single(r => r.ExternalCallId == callId).Recording!;
                if (attached.Sha256 != recording.Sha256)
                {
                    throw new InvalidOperationException($"{recording.FileName} arrived altered ({attached.Size} bytes).");
                }

                var prefix = $"{way}_{label}";
                figures[$"{prefix}_seconds"] = clock.Elapsed.TotalSeconds;
                figures[$"{prefix}_mb_per_second"] = mb / clock.Elapsed.TotalSeconds;
                if (peakReset && before is { } start && memory.Peak is { } peak)
                {
                    figures[$"{prefix}_hub_peak_growth_mb"] = (peak - start) / MiB;
                    figures[$"{prefix}_hub_peak_rss_mb"] = peak / MiB;
                }
            }
        }

        var report = new BenchmarkReport(Name, figures);
        report.Print(run.Output);
        return report;
    }
}
