using System.Collections.Immutable;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Grains.Portals;

namespace TelephonyHub.Grains.Tests.Portals;

/// <summary>The portal's side of CRM routing: which extension rings a manager, and what the settings page may set.</summary>
public sealed class CrmRoutingPortalTests
{
    private static readonly PortalState Portal = new()
    {
        SyncedUsers = ImmutableDictionary<long, string>.Empty.Add(12, "Anna").Add(14, "Boris").Add(16, "Clara"),
        SyncedExtensions = ImmutableDictionary<string, long>.Empty.Add("101", 12).Add("102", 14),
        ExtensionOverrides = ImmutableDictionary<string, long>.Empty.Add("555", 16).Add("777", 14),
    };

    [Fact]
    public void ExtensionBitrix24ReportsWithTheMatch_RingsTheManager_OverTheSyncedOne()
    {
        // Anna moved to 111 in Bitrix24 after the hub synced its users: the fresh value wins.
        Assert.Equal(new ManagerDirectoryEntry(true, "111"), ManagerDirectory.Find(Portal, 12, "111"));
    }

    [Fact]
    public void ExtensionTheAdminMapped_WinsOverWhatBitrix24Reports()
    {
        Assert.Equal(new ManagerDirectoryEntry(true, "777"), ManagerDirectory.Find(Portal, 14, "102"));
    }

    [Fact]
    public void ReportedExtensionTheAdminGaveToSomebodyElse_IsNotDialled()
    {
        Assert.Equal(new ManagerDirectoryEntry(true, "101"), ManagerDirectory.Find(Portal, 12, "555"));
    }

    [Fact]
    public void ManagerNobodyReportedAnExtensionFor_GetsTheSyncedOne_OrNone()
    {
        Assert.Equal(new ManagerDirectoryEntry(true, "101"), ManagerDirectory.Find(Portal, 12, null));
        Assert.Equal(new ManagerDirectoryEntry(true, null), ManagerDirectory.Find(Portal with { ExtensionOverrides = ImmutableDictionary<string, long>.Empty }, 16, " "));
    }

    [Fact]
    public void UserTheLastSyncDidNotFindActive_IsNoActiveUser()
    {
        Assert.False(ManagerDirectory.Find(Portal, 99, "199").IsActiveUser);
    }

    [Fact]
    public void CrmRoutingSettings_AreStored()
    {
        var settings = new CrmRoutingSettings { Enabled = true, PreferOpenDeal = true, ManagerAnswerTime = TimeSpan.FromSeconds(45), CreateLeads = true };

        Assert.Equal(settings, CrmRoutingRules.Update(Portal, settings).Settings.CrmRouting);
    }

    [Theory]
    [InlineData(4, "The manager's answer time is a whole number of seconds from 5 to 120 (it is 4).")]
    [InlineData(121, "The manager's answer time is a whole number of seconds from 5 to 120 (it is 121).")]
    [InlineData(7.5, "The manager's answer time is a whole number of seconds from 5 to 120 (it is 7.5).")]
    public void ManagerAnswerTimeOutOfRange_IsRefusedWithAReason(double seconds, string reason)
    {
        var refused = Assert.Throws<ArgumentException>(() =>
            CrmRoutingRules.Update(Portal, new CrmRoutingSettings { Enabled = true, ManagerAnswerTime = TimeSpan.FromSeconds(seconds) }));

        Assert.Equal(reason, refused.Message);
    }
}
