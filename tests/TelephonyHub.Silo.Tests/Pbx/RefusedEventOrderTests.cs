using TelephonyHub.Silo.Pbx;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>A refused event is not overtaken by the later events of its call (proto: events of one call apply in order).</summary>
public sealed class RefusedEventOrderTests
{
    [Fact]
    public void LaterEventOfACallWhoseStartWasRefused_WaitsForTheStartsResend()
    {
        var order = new RefusedEventOrder();
        order.Refused("call:a", "started-a");

        Assert.True(order.MustWait("call:a", "ended-a"));
    }

    [Fact]
    public void ResendOfTheRefusedEvent_IsTaken_AndThenTheLaterEventsToo()
    {
        var order = new RefusedEventOrder();
        order.Refused("call:a", "started-a");

        Assert.False(order.MustWait("call:a", "started-a"));
        Assert.False(order.MustWait("call:a", "ended-a"));
    }

    [Fact]
    public void OtherCalls_AreNotHeldBack()
    {
        var order = new RefusedEventOrder();
        order.Refused("call:a", "started-a");

        Assert.False(order.MustWait("call:b", "started-b"));
    }

    [Fact]
    public void LaterRefusal_KeepsWaitingForTheFirstRefusedEvent()
    {
        var order = new RefusedEventOrder();
        order.Refused("call:a", "started-a");
        order.Refused("call:a", "ended-a");

        Assert.True(order.MustWait("call:a", "ended-a"));
        Assert.False(order.MustWait("call:a", "started-a"));
    }
}
