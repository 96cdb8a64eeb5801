using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Dispatch;

namespace TelephonyHub.Grains.Tests.Dispatch;

/// <summary>A CRM lookup is only worth sending while its call waits for it (scenario 3 meets scenario 6).</summary>
public sealed class CrmLookupCompactionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly DispatchOptions _options = new();

    [Fact]
    public void LookupTheCallStillWaitsFor_IsSent()
    {
        var plan = Plan(new DispatchQueueBuilder(Now).Search("call-1").State);

        Assert.IsType<SearchCrmEntities>(Assert.Single(plan.Send).Request);
        Assert.Empty(plan.Compacted);
    }

    [Fact]
    public void LookupWithTheCallsRegisterBehindIt_IsDroppedUnsent_AndTheRegisterGoes()
    {
        // The portal was unreachable: the call stopped waiting and went to the queue, registering to an operator.
        var state = new DispatchQueueBuilder(Now).Search("call-1").Register("call-1").Show("call-1", 14).State;

        var plan = Plan(state);

        var register = Assert.IsType<RegisterExternalCall>(Assert.Single(plan.Send).Request);
        Assert.True(register.Show);
        Assert.IsType<SearchCrmEntities>(Assert.Single(plan.Compacted).Request.Request);
        Assert.DoesNotContain(plan.State.Queue, q => q.Request.Request is SearchCrmEntities);
    }

    [Fact]
    public void OutageReplay_OfACallThatWasLookedUp_SendsOnlyItsRecord()
    {
        var state = new DispatchQueueBuilder(Now).Search("call-1").Register("call-1").Show("call-1", 14).Finish("call-1").Search("call-2").State;

        var plan = Plan(state);

        Assert.Collection(plan.Send,
            p => Assert.IsType<SearchCrmEntities>(p.Request), // call-2 still waits for its answer
            p => Assert.False(Assert.IsType<RegisterExternalCall>(p.Request).Show));
        Assert.Equal(2, plan.Compacted.Length);
    }

    private DispatchPlan Plan(DispatchState state) =>
        DispatchPlanner.Plan(state, Now, new RateBudget(_options.BucketCapacity, _options.BucketDrainPerSecond, _options.LiveCardReserve), _options);
}
