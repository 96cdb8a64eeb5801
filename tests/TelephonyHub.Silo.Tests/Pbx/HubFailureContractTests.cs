using Grpc.Core;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.Faults;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>
/// When the hub's own parts fail (a grain call, the recording store's database), the PBX is told UNAVAILABLE, "resend
/// it", on the unary paths as on the stream, never UNKNOWN; and the resend lands once nothing fails any more.
/// </summary>
public sealed class HubFailureContractTests : IAsyncLifetime
{
    private readonly HubFaults _faults = new();
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings, faults: _faults));

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Publish_WhenTheHubCannotApplyTheEvent_IsUnavailable_AndTheResendIsRegisteredOnce()
    {
        var portal = await _world.CreatePortalAsync();
        var started = _world.Events.InboundCall("publish-fails", "+4930555111", "101");
        await using var pbx = await _world.ConnectPbxAsync(portal);
        _faults.FailEvent(started.EventId);

        var failed = await Assert.ThrowsAsync<RpcException>(async () =>
            await pbx.Gateway.PublishAsync(new PublishRequest { Event = started }, PbxTestClient.Headers(portal.ApiKey)));

        Assert.Equal((StatusCode.Unavailable, "The hub could not apply the event now; resend it."), (failed.StatusCode, failed.Status.Detail));
        Assert.Empty(_world.Emulator.Snapshot(portal.MemberId).RequestsFor("telephony.externalcall.register"));

        _faults.Heal();
        var resent = await pbx.Gateway.PublishAsync(new PublishRequest { Event = started }, PbxTestClient.Headers(portal.ApiKey));

        Assert.Equal(EventAckStatus.Applied, resent.Ack.Status);
        var registered = await _world.WaitForAsync(portal, p => p.RequestsFor("telephony.externalcall.register").Count == 1, "the resent call registered");
        Assert.Equal("publish-fails", Assert.Single(registered.RequestsFor("telephony.externalcall.register")).Parameter("EXTERNAL_CALL_ID"));
    }

    [Fact]
    public async Task Upload_WhenTheRecordingStoreFails_IsRejectedUnavailable_AndTheResendIsAttached()
    {
        var portal = await _world.CreatePortalAsync();
        await using var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            _world.Events.InboundCall("store-fails", "+4930555222", "101"),
            _world.Events.Answered("store-fails", "101"),
            _world.Events.Ended("store-fails", CallOutcome.Answered, talkSeconds: 25, recordingPending: true));
        var file = new TestRecording("store-fails.mp3", 120_000, seed: 5);
        var header = _world.Events.RecordingUpload("store-fails", file.FileName, file.Size);
        _faults.RecordingStoreDown = true;

        var refused = await pbx.UploadRecordingAsync(header, file.OpenRead());

        Assert.Equal((EventAckStatus.Rejected, 14, "The hub could not store the upload now; resend it."), (refused.Status, refused.Code, refused.Message));

        _faults.Heal();
        var resent = await pbx.UploadRecordingAsync(header, file.OpenRead());

        Assert.Equal(EventAckStatus.Applied, resent.Status);
        var done = await _world.WaitForAsync(portal, p => p.CallLog is [{ Recording: not null }], "the call finished with the resent recording");
        Assert.Equal((25, file.Sha256), (done.CallLog[0].Duration, done.CallLog[0].Recording!.Sha256));
    }
}
