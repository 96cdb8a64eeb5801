using System.Collections.Immutable;
using System.Security.Cryptography;
using TelephonyHub.PortalEmulator.Events;
using TelephonyHub.PortalEmulator.Rest;
using TelephonyHub.PortalEmulator.Telephony;
using TelephonyHub.Silo.Tests.ClickToCall;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Portals;

/// <summary>
/// Only a portal admin installs the app (reference §3.1, §4.4). Every user who opens the app gets a refresh token in
/// the frame (§3.2), so an ONAPPINSTALL re-posted with a user's own tokens and an <c>application_token</c> of their
/// choosing is genuine at the OAuth server: the hub must also ask the portal (<c>profile</c> → <c>ADMIN</c>) before it
/// replaces the portal's tokens, its application token and its installing admin.
/// </summary>
public sealed class ForgedInstallTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    private TelephonyWorld World => fixture.World;

    [Fact]
    public async Task InstallPostedByAUserWhoIsNotAnAdmin_IsRefused_AndThePortalKeepsWorkingAsInstalled()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        var chosenToken = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var forged = InstallWithTheTokensOf(portal, TestUsers.Boris, chosenToken);

        var (installStatus, installBody) = await EventReplay.PostAsync(World.Http, forged, "bitrix24/install");
        var (eventsStatus, _) = await EventReplay.PostAsync(World.Http, forged);

        Assert.Equal(403, installStatus);
        Assert.Contains("Only an administrator of this portal can install TelephonyHub.", installBody, StringComparison.Ordinal);
        Assert.Equal(401, eventsStatus);
        Assert.DoesNotContain(World.Hub.Logs.Snapshot(), line => line.Contains(chosenToken, StringComparison.Ordinal));

        // The application token is the one Bitrix24 gave at install: its click reaches the PBX, the chosen one is refused.
        var click = await ClickAsync(portal, pbx, TestUsers.Anna, "+49301234567");
        var (signedWithChosen, _) = await EventReplay.PostAsync(World.Http, click.With("data[CALL_ID]", NewCallId()).With("auth[application_token]", chosenToken));
        Assert.Equal(401, signedWithChosen);

        // The hub still calls the portal with the admin's tokens, and the admin is still the installer.
        var requestsBefore = World.Emulator.Snapshot(portal.MemberId).Requests.Count;
        await pbx.SendAsync(World.Events.InboundCall($"after-forged-install-{Guid.NewGuid():N}", "+4930777888", "101"));
        var registered = await World.WaitForAsync(portal, p => p.Requests.Skip(requestsBefore).Any(IsRegister), "the inbound call registered");
        Assert.All(registered.Requests.Skip(requestsBefore), r => Assert.Equal(TestUsers.Admin, r.UserId));
        var (_, settings) = await World.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        Assert.Contains($"the installing admin, Alex Admin ({TestUsers.Admin})", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminReinstallingThePortal_IsAccepted_AndGenuineEventsKeepWorking()
    {
        var portal = await World.CreatePortalAsync(); // the admin's first install, accepted (the world checks it)
        await using var pbx = await World.ConnectPbxAsync(portal);

        var reinstall = await World.Emulator.Admin.InstallAppAsync(portal.MemberId, World.Settings.ClientId);

        Assert.Equal(200, reinstall.Delivery?.StatusCode);
        Assert.Contains("installed", reinstall.Delivery!.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(TestUsers.Admin, reinstall.InstalledBy);
        await ClickAsync(portal, pbx, TestUsers.Clara, "+49305550101");
    }

    /// <summary>
    /// The portal's genuine ONAPPINSTALL as Bitrix24 delivered it, with <paramref name="userId"/>'s own app tokens (as
    /// their app frame carries them) and <paramref name="applicationToken"/> in place of the admin's.
    /// </summary>
    private IReadOnlyList<EventField> InstallWithTheTokensOf(TestPortal portal, int userId, string applicationToken)
    {
        var genuine = World.Emulator.Snapshot(portal.MemberId).EventDeliveries.First(d => d.Event == "ONAPPINSTALL");
        var tokens = World.Emulator.IssueTokens(portal.MemberId, World.Settings.ClientId, userId);
        return genuine.Fields
            .With("auth[access_token]", tokens.AccessToken)
            .With("auth[refresh_token]", tokens.RefreshToken)
            .With("auth[user_id]", userId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("auth[application_token]", applicationToken);
    }

    /// <summary>A genuine click-to-call by <paramref name="userId"/>: the PBX is told to originate it; returns the event as delivered.</summary>
    private async Task<ImmutableArray<EventField>> ClickAsync(TestPortal portal, PbxTestClient pbx, int userId, string phone)
    {
        var click = await World.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(userId, phone));
        var command = await pbx.NextCommandAsync($"the originate of the genuine click {click.CallId} by user {userId}");
        Assert.Equal(click.CallId, command.OriginateCall.Bitrix24CallId);
        await pbx.AcknowledgeAsync(command);
        return Assert.Single(click.Deliveries).Fields;
    }

    private static bool IsRegister(RequestLogEntry request) => request.Method == "telephony.externalcall.register";

    private static string NewCallId() => $"externalCall.{RandomNumberGenerator.GetHexString(32, lowercase: true)}.1773236989";
}
