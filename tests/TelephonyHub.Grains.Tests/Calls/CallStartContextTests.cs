using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Grains.Calls;

namespace TelephonyHub.Grains.Tests.Calls;

public sealed class CallStartContextTests
{
    private static readonly CallEvents Events = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void NewCall_KeepsThePortalsSettings_AndTheCustomerNumberInE164()
    {
        var portal = Portal(TimeSpan.FromMinutes(5)) with
        {
            PortalFetchesRecordingUrls = true,
            CrmRouting = new CrmRoutingSettings { CreateLeads = true },
        };

        var start = CallStartContext.For(portal, Events.InboundTo("101", from: "030 123456"), "pbx-call-9", TimeSpan.FromHours(1));

        Assert.Equal("pbx-call-9", start.ExternalCallId);
        Assert.Equal("+4930123456", start.CustomerNumber);
        Assert.Equal(12, start.ExtensionUserId);
        Assert.Equal(
            new CallPolicy { AddToChat = true, RecordingMaxWait = TimeSpan.FromMinutes(5), FallbackUserId = 1, PortalFetchesRecordingUrls = true, CreateLeads = true },
            start.Policy);
    }

    [Fact]
    public void PortalWaitingLongerThanTheHubAllows_WaitsForRecordingsOnlyUpToTheHubsCeiling()
    {
        var start = CallStartContext.For(Portal(TimeSpan.FromHours(6)), Events.InboundTo("101"), "pbx-call-9", TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromHours(1), start.Policy.RecordingMaxWait);
    }

    private static PortalCallContext Portal(TimeSpan recordingMaxWait) => new()
    {
        Installed = true,
        DefaultRegion = "DE",
        AddToChat = true,
        RecordingMaxWait = recordingMaxWait,
        FallbackUserId = 1,
        ExtensionUserId = 12,
    };
}
