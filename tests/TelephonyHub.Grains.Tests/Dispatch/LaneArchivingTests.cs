using System.Collections.Immutable;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Dispatch;

namespace TelephonyHub.Grains.Tests.Dispatch;

/// <summary>
/// Finished lanes leave the dispatch state (stored whole on every change) for the archive once enough gather, and a
/// request for an archived lane finds its CALL_ID and the ids it saw there.
/// </summary>
public sealed class LaneArchivingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly DispatchOptions _options = new() { FinishedLanesKeptInline = 2 };

    [Fact]
    public void FewerFinishedLanesThanTheThreshold_StayInline()
    {
        var state = WithLanes(("call-1", Finished("c1")), ("call-2", Live()));

        Assert.Empty(LaneArchiving.Due(state, _options));
    }

    [Fact]
    public void AtTheThreshold_EveryIdleFinishedLaneIsDue_ButNotOneWithRequestsQueued_NorALiveOne()
    {
        var state = WithLanes(("call-1", Finished("c1")), ("call-2", Finished("c2")), ("call-3", Finished("c3")), ("call-4", Live()));
        (state, _) = DispatchEnqueue.Add(state, [Attach("call-3", "call-3#rec")], Now);

        var due = LaneArchiving.Due(state, _options);

        Assert.Equal(["call-1", "call-2"], due.Keys.Order());
    }

    [Fact]
    public void Archiving_AddsTheLanes_AndDropsThosePastTheirRetention()
    {
        var old = new FinishedLaneArchive { Lanes = ImmutableDictionary<string, DispatchLane>.Empty.Add("call-0", Finished("c0", Now - _options.FinishedLaneRetention - TimeSpan.FromSeconds(1))) };
        var due = WithLanes(("call-1", Finished("c1")), ("call-2", Finished("c2"))).Lanes;

        var archive = LaneArchiving.Add(old, due, Now, _options);

        Assert.Equal(["call-1", "call-2"], archive.Lanes.Keys.Order());
    }

    [Fact]
    public void ForgettingArchivedLanes_KeepsALaneThatChangedWhileTheArchiveWasStored()
    {
        var state = WithLanes(("call-1", Finished("c1")), ("call-2", Finished("c2")));
        var due = LaneArchiving.Due(state, _options);
        (state, _) = DispatchEnqueue.Add(state, [Attach("call-2", "call-2#rec")], Now); // arrived during the archive's write

        var after = LaneArchiving.Forget(state, due);

        Assert.Equal(["call-2"], after.Lanes.Keys);
        Assert.Single(after.Queue);
    }

    [Fact]
    public void LateRequestForAnArchivedLane_BringsItBackWithItsCallId()
    {
        var archive = new FinishedLaneArchive { Lanes = ImmutableDictionary<string, DispatchLane>.Empty.Add("call-1", Finished("c1")) };

        var (state, added) = DispatchEnqueue.Add(new DispatchState(), [Attach("call-1", "call-1#rec")], Now, archive);

        Assert.Equal(1, added);
        var lane = state.Lanes["call-1"];
        Assert.Equal("c1", lane.Bitrix24CallId);
        Assert.True(lane.Finished);
        Assert.Equal(["#register", "#finish", "#rec"], lane.SeenRequestIds.ToArray());
    }

    [Fact]
    public void ReplayOfARequestAnArchivedLaneSaw_IsNotQueuedAgain()
    {
        var archive = new FinishedLaneArchive { Lanes = ImmutableDictionary<string, DispatchLane>.Empty.Add("call-1", Finished("c1")) };
        var replayedFinish = new DispatchRequest
        {
            RequestId = "call-1#finish",
            Lane = "call-1",
            Request = new FinishExternalCall(null, 12, 30, CallStatusCode.Success, AddToChat: true),
        };

        var (state, added) = DispatchEnqueue.Add(new DispatchState(), [replayedFinish], Now, archive);

        Assert.Equal(0, added);
        Assert.Empty(state.Queue);
        Assert.Empty(state.Lanes);
    }

    private static DispatchLane Finished(string callId, DateTimeOffset? at = null) =>
        new() { Bitrix24CallId = callId, Finished = true, LastActivity = at ?? Now, SeenRequestIds = ["#register", "#finish"] };

    private static DispatchLane Live() => new() { Bitrix24CallId = "live", LastActivity = Now, SeenRequestIds = ["#register"] };

    private static DispatchState WithLanes(params (string Key, DispatchLane Lane)[] lanes) =>
        new() { Lanes = lanes.ToImmutableDictionary(l => l.Key, l => l.Lane, StringComparer.Ordinal) };

    private static DispatchRequest Attach(string lane, string id) => new()
    {
        RequestId = id,
        Lane = lane,
        Request = new AttachExternalCallRecord(null, "call.mp3", new Uri("https://hub.example/recordings/1"), null),
    };
}
