using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Tests.Calls;

namespace TelephonyHub.Grains.Tests.CrmRouting;

/// <summary>What reaches Bitrix24 for CRM routing: the lookup on the call's lane, and lead creation on register.</summary>
public sealed class CrmRequestsTests
{
    private const string Key = "portal-1/pbx-call-1";
    private static readonly GrainId Self = GrainId.Create("call", Key);
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lookup_GoesOnTheCallsLane_AsALiveCard()
    {
        var call = new CrmScenario();
        var lookup = call.Start()!.Effects.Single();

        var request = CallRequests.For(Key, call.Call, lookup, Self)!;

        Assert.Equal(("telephony.externalCall.searchCrmEntities", Key, DispatchPriority.LiveCard), (request.Request.Method, request.Lane, request.Priority));
        Assert.Equal("+4930123456", request.Request.ToParameters().Pairs.Single(p => p.Key == "PHONE_NUMBER").Value);
    }

    [Theory]
    [InlineData(true, CallDirection.Inbound, "1")]
    [InlineData(false, CallDirection.Inbound, null)]
    [InlineData(true, CallDirection.Outbound, null)]
    public void Register_CreatesALeadOnlyForInboundCallsOfPortalsThatWantIt(bool createLeads, CallDirection direction, string? crmCreate)
    {
        var events = new CallEvents(Start);
        var started = direction == CallDirection.Inbound ? events.InboundTo("101") : events.OutboundFrom("101");
        var policy = new CallPolicy { AddToChat = true, RecordingMaxWait = TimeSpan.FromMinutes(10), FallbackUserId = 1, CreateLeads = createLeads };
        var transition = CallDecisions.OnStarted(new CallState(), started, new CallStartContext("pbx-call-1", "+4930123456", 12, policy));

        var pairs = CallRequests.For(Key, transition.State, transition.Effects.Single(), Self)!.Request.ToParameters().Pairs.ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(crmCreate, pairs.GetValueOrDefault("CRM_CREATE"));
    }
}
