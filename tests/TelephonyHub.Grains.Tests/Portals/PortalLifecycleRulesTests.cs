using System.Collections.Immutable;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Grains.Portals;

namespace TelephonyHub.Grains.Tests.Portals;

/// <summary>What an install and an uninstall keep, drop and revoke, and what the portal then shows calls and clicks.</summary>
public sealed class PortalLifecycleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static readonly PortalInstallation Installation = new()
    {
        Tokens = new Bitrix24TokenSet
        {
            AccessToken = "access-1",
            RefreshToken = "refresh-1",
            ExpiresAt = Now.AddHours(1),
            ClientEndpoint = new Uri("http://127.0.0.1:9/rest/"),
            MemberId = "portal-1",
            Scope = ["telephony", "user"],
        },
        Domain = "example.bitrix24.de",
        ApplicationToken = "app-token-1",
        InstallerUserId = 1,
        EventHandlerUrl = new Uri("http://127.0.0.1:8/bitrix24/events"),
        AppVersion = "3",
    };

    [Fact]
    public void Install_KeepsTokensEncrypted_AndOnlyAHashOfTheApplicationToken()
    {
        var installed = PortalLifecycleRules.Installed(new PortalState(), Installation, "encrypted", Now);

        Assert.Equal((PortalLifecycle.Installed, "encrypted", "example.bitrix24.de", Now), (installed.Lifecycle, installed.ProtectedTokens, installed.Domain, installed.InstalledAt));
        Assert.True(SecretHash.Matches(installed.ApplicationTokenHash, "app-token-1"));
        Assert.False(SecretHash.Matches(installed.ApplicationTokenHash, "app-token-2"));
        Assert.Equal(["telephony", "user"], installed.Scope.ToArray());
    }

    [Fact]
    public void ReinstallWithAnotherApplicationToken_IsNoticed_ButNotTheSameTokenOrAnInstallAfterAnUninstall()
    {
        var installed = PortalLifecycleRules.Installed(new PortalState(), Installation, "encrypted", Now);

        Assert.True(PortalLifecycleRules.ReplacesApplicationToken(installed, "app-token-2"));
        Assert.False(PortalLifecycleRules.ReplacesApplicationToken(installed, "app-token-1"));
        Assert.False(PortalLifecycleRules.ReplacesApplicationToken(new PortalState(), "app-token-2"));
        Assert.False(PortalLifecycleRules.ReplacesApplicationToken(PortalLifecycleRules.Uninstalled(installed, Now), "app-token-2"));
    }

    [Fact]
    public void Uninstall_DropsTheTokens_AndRevokesEveryPbxKey_ThenAReinstallKeepsTheSettings()
    {
        var (_, key) = PbxKeys.Issue("portal-1", "Asterisk", Now);
        var installed = PortalLifecycleRules.Installed(new PortalState(), Installation, "encrypted", Now) with
        {
            PbxKeys = [key],
            Settings = new PortalSettings { PhoneRegion = "AT" },
        };

        var uninstalled = PortalLifecycleRules.Uninstalled(installed, Now.AddDays(1));
        var reinstalled = PortalLifecycleRules.Installed(uninstalled, Installation, "encrypted-2", Now.AddDays(2));

        Assert.Equal((PortalLifecycle.Uninstalled, (string?)null), (uninstalled.Lifecycle, uninstalled.ProtectedTokens));
        Assert.Equal(Now.AddDays(1), Assert.Single(uninstalled.PbxKeys).RevokedAt);
        Assert.Equal(("AT", (DateTimeOffset?)null), (reinstalled.Settings.PhoneRegion, reinstalled.UninstalledAt));
    }

    [Fact]
    public void UninstallAskingToDeleteData_PurgesSoon_OtherwiseAfterTheRetention()
    {
        var options = new PortalOptions { CleanUninstallDelay = TimeSpan.FromMinutes(1), UninstalledDataRetention = TimeSpan.FromDays(30) };

        Assert.Equal(TimeSpan.FromMinutes(1), PortalLifecycleRules.KeepDataFor(options, deleteData: true));
        Assert.Equal(TimeSpan.FromDays(30), PortalLifecycleRules.KeepDataFor(options, deleteData: false));
    }

    [Fact]
    public void CallContext_NamesTheExtensionsOwner_TheAdminsOverrideFirst_AndFallsBackToTheInstaller()
    {
        var portal = PortalLifecycleRules.Installed(new PortalState(), Installation, "encrypted", Now) with
        {
            SyncedExtensions = ImmutableDictionary<string, long>.Empty.Add("101", 12).Add("102", 14),
            ExtensionOverrides = ImmutableDictionary<string, long>.Empty.Add("102", 16),
        };

        var context = PortalViews.CallContext(portal, "102");

        Assert.Equal((true, (long?)16, 1L), (context.Installed, context.ExtensionUserId, context.FallbackUserId));
        Assert.Equal(new Dictionary<string, long> { ["101"] = 12, ["102"] = 16 }, PortalViews.DialContext(portal).Extensions);
    }

    [Fact]
    public void PortalWhoseRefreshTokenDied_StillTakesCalls()
    {
        var portal = PortalLifecycleRules.Installed(new PortalState(), Installation, "encrypted", Now) with { Lifecycle = PortalLifecycle.NeedsReinstall };

        Assert.True(PortalViews.CallContext(portal, null).Installed);
        Assert.False(PortalViews.DialContext(PortalLifecycleRules.Uninstalled(portal, Now)).Installed);
    }

    [Fact]
    public void Overview_ShowsPbxKeysByIdAndLabelOnly()
    {
        var (issued, key) = PbxKeys.Issue("portal-1", "Asterisk", Now);
        var portal = PortalLifecycleRules.Installed(new PortalState(), Installation, "encrypted", Now) with { PbxKeys = [key] };

        var overview = PortalViews.Overview("portal-1", portal);

        Assert.Equal(new PbxKeySummary(issued.KeyId, "Asterisk", Now, null), Assert.Single(overview.PbxKeys));
        Assert.Equal(("portal-1", "Installed"), (overview.PortalId, overview.Lifecycle));
    }
}
