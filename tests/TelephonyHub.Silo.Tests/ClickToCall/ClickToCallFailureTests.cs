using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Telephony;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.ClickToCall;

/// <summary>
/// A click that cannot become a call is finished in Bitrix24 at once, with a status code and a reason the user can
/// read: the card the click opened closes instead of hanging.
/// </summary>
public sealed class ClickToCallFailureTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    private const string Finish = "telephony.externalcall.finish";

    private TelephonyWorld World => fixture.World;

    [Fact]
    public async Task PbxOffline_FinishesTheClickedCallWith503()
    {
        var portal = await World.CreatePortalAsync();

        var click = await World.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Anna, "+49301234567"));

        var done = await FinishedAsync(portal, click.CallId);
        var finish = Assert.Single(done.RequestsFor(Finish));
        Assert.Equal(("12", "0", "503"), (finish.Parameter("USER_ID"), finish.Parameter("DURATION"), finish.Parameter("STATUS_CODE")));
        Assert.Contains("not connected to TelephonyHub", finish.Parameter("FAILED_REASON"), StringComparison.Ordinal);
        Assert.Equal("503", done.Finished(click.CallId)!.StatusCode);
        Assert.Empty(done.CardsOf(TestUsers.Anna));
    }

    [Fact]
    public async Task UserWithoutExtension_FinishesWith480_AndThePbxGetsNothing()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);

        var click = await World.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Admin, "+49301234567"));

        var done = await FinishedAsync(portal, click.CallId);
        var finish = Assert.Single(done.RequestsFor(Finish));
        Assert.Equal(("1", "480"), (finish.Parameter("USER_ID"), finish.Parameter("STATUS_CODE")));
        Assert.Contains("no phone extension", finish.Parameter("FAILED_REASON"), StringComparison.Ordinal);
        Assert.Empty(done.CardsOf(TestUsers.Admin));
        Assert.False(pbx.TryTakeCommand(out _));
    }

    [Fact]
    public async Task PbxRejectsTheOriginate_FinishesWith403AndThePbxsReason()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        var click = await World.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Dmitri, "+49301234567"));

        var command = await pbx.NextCommandAsync("the originate for Dmitri's click");
        await pbx.AcknowledgeAsync(command, accepted: false, reason: "extension 104 is not registered");

        var done = await FinishedAsync(portal, click.CallId);
        var finish = Assert.Single(done.RequestsFor(Finish));
        Assert.Equal(("18", "403"), (finish.Parameter("USER_ID"), finish.Parameter("STATUS_CODE")));
        Assert.Contains("extension 104 is not registered", finish.Parameter("FAILED_REASON"), StringComparison.Ordinal);
        Assert.Empty(done.CardsOf(TestUsers.Dmitri));
    }

    private Task<PortalSnapshot> FinishedAsync(TestPortal portal, string callId) =>
        World.WaitForAsync(portal, p => p.Finished(callId) is not null && p.RequestsFor(Finish).Count == 1, $"the click's call {callId} finished as failed");
}
