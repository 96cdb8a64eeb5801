using System.Collections.Immutable;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Grains.Portals;

namespace TelephonyHub.Grains.Tests.Portals;

public sealed class PortalSettingsRulesTests
{
    private static readonly PortalState Portal = new()
    {
        SyncedUsers = ImmutableDictionary<long, string>.Empty.Add(12, "Anna").Add(14, "Boris"),
        SyncedExtensions = ImmutableDictionary<string, long>.Empty.Add("101", 12),
    };

    [Fact]
    public void ExtensionOverride_WinsOverTheSyncedOwner_AndCanBeRemoved()
    {
        var overridden = PortalSettingsRules.SetExtensionOverride(Portal, " 101 ", 14);
        Assert.Equal(14, PortalDirectory.UserOf(overridden, "101"));

        var removed = PortalSettingsRules.SetExtensionOverride(overridden, "101", null);
        Assert.Equal(12, PortalDirectory.UserOf(removed, "101"));
    }

    [Theory]
    [InlineData("", 12, "An extension is 1 to 32")]
    [InlineData("10 1", 12, "An extension is 1 to 32")]
    [InlineData("105", 99, "User 99 is not an active user")]
    public void ExtensionOverride_RefusesBadInputWithAReason(string extension, long user, string reason)
    {
        var refused = Assert.Throws<ArgumentException>(() => PortalSettingsRules.SetExtensionOverride(Portal, extension, user));

        Assert.StartsWith(reason, refused.Message);
    }

    [Fact]
    public void CallHandling_IsAppliedWithTheRegionUpperCased()
    {
        var updated = PortalSettingsRules.UpdateCallHandling(Portal, new CallHandlingSettings
        {
            PhoneRegion = "ru", AddToChat = false, RecordingMaxWait = TimeSpan.FromMinutes(3), FallbackUserId = 14,
        });

        Assert.Equal(("RU", false, TimeSpan.FromMinutes(3), 14L),
            (updated.Settings.PhoneRegion, updated.Settings.AddToChat, updated.Settings.RecordingMaxWait, updated.Settings.FallbackUserId));
    }

    [Theory]
    [InlineData("XX", 5, null, "'XX' is not a country code")]
    [InlineData("DE", 121, null, "The recording wait is 0 to 120 minutes")]
    [InlineData("DE", 5, 99L, "User 99 is not an active user")]
    public void CallHandling_RefusesBadValuesWithAReason(string region, int waitMinutes, long? fallback, string reason)
    {
        var refused = Assert.Throws<ArgumentException>(() => PortalSettingsRules.UpdateCallHandling(Portal, new CallHandlingSettings
        {
            PhoneRegion = region, AddToChat = true, RecordingMaxWait = TimeSpan.FromMinutes(waitMinutes), FallbackUserId = fallback,
        }));

        Assert.StartsWith(reason, refused.Message);
    }
}
