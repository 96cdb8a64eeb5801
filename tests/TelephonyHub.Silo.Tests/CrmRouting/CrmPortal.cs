using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.CrmRouting;

/// <summary>One test's portal in a <see cref="CrmRoutingWorld"/>: its CRM, its PBX stream, and what a call cost in requests.</summary>
public sealed class CrmPortal(CrmRoutingWorld world, TestPortal portal, PbxTestClient pbx, IReadOnlyList<CrmEntity> crm, int requestMark) : IAsyncDisposable
{
    public TestPortal Portal => portal;

    public PbxTestClient Pbx => pbx;

    /// <summary>The seeded CRM entities with their ids.</summary>
    public IReadOnlyList<CrmEntity> Crm => crm;

    public TelephonyWorld World => world.World;

    /// <summary>An inbound call on line 7 naming no extension; returns when the hub acknowledged it.</summary>
    public async Task<DateTimeOffset> CallAsync(string pbxCallId, string from)
    {
        var ack = await pbx.SendAsync(World.Events.InboundCall(pbxCallId, from));
        Assert.Equal(EventAckStatus.Applied, ack.Status);
        return world.Clock.GetUtcNow();
    }

    public async Task SendAsync(PbxEvent evt) => Assert.Equal(EventAckStatus.Applied, (await pbx.SendAsync(evt)).Status);

    /// <summary>The next command must transfer the call to <paramref name="extension"/>; returns it.</summary>
    public async Task<PbxCommand> NextTransferAsync(string pbxCallId, string extension)
    {
        var command = await pbx.NextCommandAsync($"transfer {pbxCallId} to extension {extension}");
        Assert.Equal(PbxCommand.KindOneofCase.TransferCall, command.KindCase);
        Assert.Equal((pbxCallId, extension), (command.TransferCall.CallId, command.TransferCall.Extension));
        return command;
    }

    /// <summary>The next command must ring exactly these extensions (the line's queue); returns it.</summary>
    public async Task<PbxCommand> NextRingAsync(string pbxCallId, params string[] extensions)
    {
        var command = await pbx.NextCommandAsync($"the queue rings {string.Join(",", extensions)} for {pbxCallId}");
        Assert.Equal(PbxCommand.KindOneofCase.RingExtensions, command.KindCase);
        Assert.Equal(extensions, command.RingExtensions.Extensions.ToArray());
        return command;
    }

    public Task<PortalSnapshot> WaitForAsync(Func<PortalSnapshot, bool> condition, string description) =>
        World.WaitForAsync(portal, condition, description);

    public Task HubTookAnswersAsync(string method, int count) =>
        world.Answers.WaitForAsync(portal.MemberId, method, count, TimeSpan.FromSeconds(10));

    public void Advance(TimeSpan elapsed) => world.Clock.Advance(elapsed);

    /// <summary>
    /// The Bitrix24 method calls the portal received for calls since the portal was set up (telephony calls and CRM
    /// reads; a batch counts by the commands inside it), in order.
    /// </summary>
    public string[] CallRequests(PortalSnapshot snapshot) =>
    [
        .. snapshot.Requests.Skip(requestMark)
            .Where(r => r.Method.StartsWith("telephony.externalcall.", StringComparison.Ordinal) || r.Method.StartsWith("crm.", StringComparison.Ordinal))
            .Select(r => r.Method),
    ];

    public ValueTask DisposeAsync() => pbx.DisposeAsync();
}
