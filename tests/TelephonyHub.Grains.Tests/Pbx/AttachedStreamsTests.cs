using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Grains.Pbx;

namespace TelephonyHub.Grains.Tests.Pbx;

/// <summary>
/// Which streams a portal's link sends commands to and which a revocation closes: every stream it ever listed,
/// including those it lost track of when it was reactivated or when a delivery to them failed.
/// </summary>
public sealed class AttachedStreamsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(90);

    [Fact]
    public void StreamsStoredBeforeAReactivation_GetNoCommandsUntilTheyAttachAgain_ButARevocationClosesThem()
    {
        var before = new AttachedStreams(Lease);
        LiveStream(before, "pbx-a", "key-1");
        LiveStream(before, "pbx-b", "key-2");

        var reactivated = new AttachedStreams(Lease);
        reactivated.Restore(before.Records(), Now.AddMinutes(1));

        Assert.Null(reactivated.NewestLive(Now.AddMinutes(1)));
        Assert.Equal(AttachedStreamPhase.MustReattach, reactivated.Find("pbx-a")?.Phase);
        Assert.Equal(["pbx-a"], reactivated.TakeAll("key-1").Select(s => s.ConnectionId));
        Assert.Equal(["pbx-b"], reactivated.Records().Select(r => r.ConnectionId));
    }

    [Fact]
    public void StreamWhoseKeyIsBeingChecked_GetsNoCommands_ButARevocationClosesIt()
    {
        var streams = new AttachedStreams(Lease);

        var attaching = streams.Begin("pbx-a", "key-1", new SilentStream(), Now);

        Assert.Null(streams.NewestLive(Now));
        Assert.Same(attaching, Assert.Single(streams.TakeAll("key-1")));
    }

    [Fact]
    public void StreamWhoseDeliveryFailed_GetsNoMoreCommands_ButARevocationStillClosesIt()
    {
        var streams = new AttachedStreams(Lease);
        var older = LiveStream(streams, "pbx-a", "key-1");
        var newer = LiveStream(streams, "pbx-b", "key-1", Now.AddSeconds(1));

        newer.DeliveryFailed();

        Assert.Same(older, streams.NewestLive(Now.AddSeconds(2)));
        Assert.Equal(["pbx-a", "pbx-b"], streams.TakeAll("key-1").Select(s => s.ConnectionId));
    }

    [Fact]
    public void StreamAttachingAgain_ReplacesItsStoredEntry_AndIsLiveOnceItsKeyIsConfirmed()
    {
        var streams = new AttachedStreams(Lease);
        streams.Restore([new PbxStreamRecord("pbx-a", "key-1", new SilentStream(), Now)], Now.AddMinutes(1));

        var again = streams.Begin("pbx-a", "key-1", new SilentStream(), Now.AddMinutes(1));
        again.Verified();

        Assert.Same(again, streams.NewestLive(Now.AddMinutes(1)));
        Assert.Equal(Now.AddMinutes(1), Assert.Single(streams.Records()).AttachedAt);
    }

    [Fact]
    public void StreamNotHeardFromForALease_GetsNoCommands_AndIsForgottenAtTheNextAttach()
    {
        var streams = new AttachedStreams(Lease);
        var stream = LiveStream(streams, "pbx-a", "key-1");

        Assert.True(streams.IsLive(stream, Now + Lease - TimeSpan.FromSeconds(1)));
        Assert.False(streams.IsLive(stream, Now + Lease));
        streams.ForgetExpired(Now + Lease);
        Assert.Empty(streams.Records());
    }

    [Fact]
    public void UninstallClosesEveryStream_RevokingAKeyOnlyItsOwn()
    {
        var streams = new AttachedStreams(Lease);
        LiveStream(streams, "pbx-a", "key-1");
        LiveStream(streams, "pbx-b", "key-2");
        LiveStream(streams, "pbx-c", "key-2");

        var revoked = streams.TakeAll("key-2");
        var uninstalled = streams.TakeAll(null);

        Assert.Equal(["pbx-b", "pbx-c"], revoked.Select(s => s.ConnectionId));
        Assert.Equal(["pbx-a"], uninstalled.Select(s => s.ConnectionId));
        Assert.Empty(streams.Records());
    }

    private static AttachedStream LiveStream(AttachedStreams streams, string connectionId, string keyId, DateTimeOffset? at = null)
    {
        var stream = streams.Begin(connectionId, keyId, new SilentStream(), at ?? Now);
        stream.Verified();
        return stream;
    }

    /// <summary>Stands for the stream's silo-side session; these tests never call it.</summary>
    private sealed class SilentStream : IPbxCommandObserver
    {
        public Task DeliverAsync(PbxCommandEnvelope command) => Task.CompletedTask;

        public Task CloseAsync(string reason) => Task.CompletedTask;
    }
}
