using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Silo.Settings;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Queues;

/// <summary>
/// A hub and the portal emulator on one fake clock, a portal with the test users, its PBX stream, and a queue
/// configured through the settings API: the stage of every queue scenario. Card timelines are written relative to
/// the moment the call came, e.g. <c>"5s -12"</c>: five seconds in, user 12's card disappeared.
/// </summary>
internal sealed class QueueWorld : IAsyncDisposable
{
    private QueueWorld(FakeTimeProvider clock, TelephonyWorld world, TestPortal portal, PbxTestClient pbx)
    {
        Clock = clock;
        World = world;
        Portal = portal;
        Pbx = pbx;
    }

    public FakeTimeProvider Clock { get; }

    public TelephonyWorld World { get; }

    public TestPortal Portal { get; }

    public PbxTestClient Pbx { get; private set; }

    public static QueueJson Sequential(double stepSeconds, int rounds, params long[] members) =>
        new("7", "Support", "sequential", members, stepSeconds, rounds, null);

    public static QueueJson Simultaneous(double stepSeconds, int rounds, params long[] members) =>
        new("7", "Support", "simultaneous", members, stepSeconds, rounds, null);

    public static async Task<QueueWorld> StartAsync(QueueJson queue, IReadOnlyDictionary<string, string>? settings = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var world = await TelephonyWorld.StartAsync(async s => await InProcessHub.StartAsync(s, clock), time: clock, extra: settings);
        var portal = await world.CreatePortalAsync();
        await world.ConfigureQueueAsync(portal, queue);
        return new QueueWorld(clock, world, portal, await world.ConnectPbxAsync(portal));
    }

    /// <summary>An inbound call on line 7 from an unknown number, naming no extension: it goes to the queue.</summary>
    public async Task<DateTimeOffset> CallAsync(string pbxCallId)
    {
        var ack = await Pbx.SendAsync(World.Events.InboundCall(pbxCallId, "+4930555123"));
        Assert.Equal(EventAckStatus.Applied, ack.Status);
        return Clock.GetUtcNow();
    }

    public async Task ReportAsync(string extension, ExtensionState state) =>
        Assert.Equal(EventAckStatus.Applied, (await Pbx.SendAsync(World.Events.ExtensionState(extension, state))).Status);

    public Task<PortalSnapshot> WaitForAsync(Func<PortalSnapshot, bool> condition, string description) =>
        World.WaitForAsync(Portal, condition, description);

    /// <summary>Waits until exactly <paramref name="users"/> see the card of the call.</summary>
    public Task<PortalSnapshot> WaitForCardsAsync(string pbxCallId, string description, params int[] users) =>
        WaitForAsync(p => HasCards(p, pbxCallId, users), description);

    /// <summary>
    /// Waits until exactly <paramref name="users"/> see the card and the request log holds <paramref name="requests"/>
    /// requests of <paramref name="method"/> (the emulator logs a request after answering it, so a card can change
    /// before its request is in the log).
    /// </summary>
    public Task<PortalSnapshot> WaitForCardsAsync(string pbxCallId, string description, string method, int requests, params int[] users) =>
        WaitForAsync(p => HasCards(p, pbxCallId, users) && p.RequestsFor(method).Count == requests, description);

    public static bool HasCards(PortalSnapshot snapshot, string pbxCallId, params int[] users) =>
        CallIdOf(snapshot, pbxCallId) is { } callId
        && snapshot.Cards.Where(c => c.CallId == callId).Select(c => c.UserId).Order().SequenceEqual(users.Order());

    public void Advance(TimeSpan elapsed) => Clock.Advance(elapsed);

    /// <summary>The next command must ring these extensions; returns it.</summary>
    public async Task<PbxCommand> NextRingAsync(params string[] extensions)
    {
        var command = await Pbx.NextCommandAsync($"ring {string.Join(",", extensions)}");
        Assert.Equal(PbxCommand.KindOneofCase.RingExtensions, command.KindCase);
        Assert.Equal(extensions, command.RingExtensions.Extensions.ToArray());
        return command;
    }

    /// <summary>The Bitrix24 call id of a PBX call (registered, maybe already finished).</summary>
    public static string? CallIdOf(PortalSnapshot snapshot, string pbxCallId) =>
        snapshot.ActiveCalls.Find(c => c.ExternalCallId == pbxCallId)?.CallId ?? snapshot.CallLog.Find(r => r.ExternalCallId == pbxCallId)?.CallId;

    /// <summary>Every card change of the call: <c>"{seconds since start}s {+|-}{user}"</c>, in order.</summary>
    public static string[] Timeline(PortalSnapshot snapshot, string pbxCallId, DateTimeOffset start)
    {
        var callId = CallIdOf(snapshot, pbxCallId);
        return
        [
            .. snapshot.CardTimeline.Where(c => c.CallId == callId).Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{(c.At - start).TotalSeconds:0.###}s {(c.Shown ? '+' : '-')}{c.UserId}")),
        ];
    }

    /// <summary>Stops the hub and starts it again on the same database. The PBX stays away until <see cref="ReconnectPbxAsync"/>.</summary>
    public async Task RestartHubAsync()
    {
        await Pbx.DisposeAsync();
        await World.RestartHubAsync();
    }

    public async Task ReconnectPbxAsync() => Pbx = await World.ConnectPbxAsync(Portal);

    public async ValueTask DisposeAsync()
    {
        await Pbx.DisposeAsync();
        await World.DisposeAsync();
    }
}
