using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.Telemetry;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>
/// A busy portal's finished calls leave the dispatch state for the archive (two at a time here). A request replayed
/// for an archived call (an outbox after a crash) is not sent again, a late request without CALL_ID gets the archived
/// one, and a recording that comes after its call was archived is still attached to it.
/// </summary>
public sealed class FinishedLaneArchiveTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly DispatchAnswers _answers = new();
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() => _world = await TelephonyWorld.StartAsync(
        async settings => await InProcessHub.StartAsync(settings, _clock),
        time: _clock,
        extra: new Dictionary<string, string> { ["Dispatch:FinishedLanesKeptInline"] = "2" });

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        _answers.Dispose();
    }

    [Fact]
    public async Task ReplayForAnArchivedCall_IsNotSentAgain_AndALateRequestGetsTheArchivedCallId()
    {
        var portal = await _world.CreatePortalAsync();
        var dispatch = ((InProcessHub)_world.Hub).Services.GetRequiredService<IGrainFactory>().GetGrain<IPortalDispatchGrain>(portal.MemberId);
        var logMark = _world.Hub.Logs.Count;
        await dispatch.EnqueueAsync([Register("arch/1"), Finish("arch/1")]);
        await dispatch.EnqueueAsync([Register("arch/2"), Finish("arch/2")]);
        await _world.WaitForAsync(portal, p => p.CallLog.Count == 2, "both calls finished");
        await _world.Hub.Logs.WaitForAsync(l => l.Contains($"Dispatch of portal {portal.MemberId} archived 2 finished lane(s); 2 in the archive", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "both finished lanes moved to the archive", logMark);

        await dispatch.EnqueueAsync([Finish("arch/1"), new DispatchRequest { RequestId = "arch/1#late-hide", Lane = "arch/1", Request = new HideExternalCall(null, [TestUsers.Anna]) }]);

        var done = await _world.WaitForAsync(portal, p => p.RequestsFor("telephony.externalcall.hide").Count == 1, "the late hide is sent");
        var first = Assert.Single(done.CallLog, r => r.ExternalCallId == "arch/1");
        Assert.Equal(first.CallId, Assert.Single(done.RequestsFor("telephony.externalcall.hide")).Parameter("CALL_ID"));
        Assert.Equal(2, done.RequestsFor("telephony.externalcall.finish").Count);
    }

    [Fact]
    public async Task RecordingAfterItsCallWasArchived_IsStillAttachedToThatCall()
    {
        var portal = await _world.CreatePortalAsync();
        await using var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(_world.Events.InboundCall("arch-late", "+4930111001", "101"), _world.Events.Answered("arch-late", "101"));
        _clock.Advance(TimeSpan.FromSeconds(20));
        await pbx.SendAsync(_world.Events.Ended("arch-late", CallOutcome.Answered, recordingPending: true));
        await _answers.WaitForAsync(portal.MemberId, "telephony.externalcall.hide", 1, TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromMinutes(10)); // the recording wait runs out: the call is finished without it
        await _world.WaitForAsync(portal, p => p.CallLog.Count == 1, "the late call finished without its recording");

        var logMark = _world.Hub.Logs.Count;
        await pbx.SendAllAsync(
            _world.Events.InboundCall("arch-next", "+4930111002", "102"), _world.Events.Answered("arch-next", "102"),
            _world.Events.Ended("arch-next", CallOutcome.Answered));
        await _world.WaitForAsync(portal, p => p.CallLog.Count == 2, "the next call finished");
        await _world.Hub.Logs.WaitForAsync(l => l.Contains($"Dispatch of portal {portal.MemberId} archived 2 finished lane(s); 2 in the archive", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "both finished lanes moved to the archive", logMark);

        var recording = new TestRecording("archived.mp3", 90_000, seed: 21);
        await using (var content = recording.OpenRead())
        {
            var ack = await pbx.UploadRecordingAsync(_world.Events.RecordingUpload("arch-late", recording.FileName, recording.Size), content);
            Assert.Equal(EventAckStatus.Applied, ack.Status);
        }

        var done = await _world.WaitForAsync(portal, p => p.CallLog.Any(r => r.Recording is not null), "the archived call's recording is attached");
        var late = Assert.Single(done.CallLog, r => r.Recording is not null);
        Assert.Equal("arch-late", late.ExternalCallId);
        Assert.Equal(recording.Sha256, late.Recording!.Sha256);
        var attach = Assert.Single(done.RequestsFor("telephony.externalcall.attachrecord"), r => r.StatusCode == 200);
        Assert.Equal(late.CallId, attach.Parameter("CALL_ID"));
        Assert.Equal(2, done.RequestsFor("telephony.externalcall.finish").Count(r => r.StatusCode == 200));
    }

    private DispatchRequest Register(string lane) => new()
    {
        RequestId = $"{lane}#register",
        Lane = lane,
        Request = new RegisterExternalCall(TestUsers.Anna, "+4930123456", ExternalCallType.Incoming, _clock.GetUtcNow(), lane, Show: false),
        Priority = DispatchPriority.CallRecord,
    };

    private static DispatchRequest Finish(string lane) => new()
    {
        RequestId = $"{lane}#finish",
        Lane = lane,
        Request = new FinishExternalCall(null, TestUsers.Anna, 30, CallStatusCode.Success, AddToChat: false),
        Priority = DispatchPriority.CallRecord,
    };
}
