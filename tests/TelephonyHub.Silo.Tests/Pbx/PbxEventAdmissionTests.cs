using Microsoft.Extensions.Options;
using TelephonyHub.Silo.Pbx;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>An overloaded silo refuses new calls at the door, and still takes the events that end calls under way.</summary>
public sealed class PbxEventAdmissionTests
{
    private static PbxEventAdmission Admission(int max) => new(Options.Create(new PbxGatewayOptions { MaxEventsInFlight = max }));

    [Fact]
    public void NewCall_IsRefused_OnceTheSiloHoldsItsLimit()
    {
        var admission = Admission(max: 2);

        Assert.True(admission.TryEnter(startsCall: true));
        Assert.True(admission.TryEnter(startsCall: true));
        Assert.False(admission.TryEnter(startsCall: true));
        Assert.Equal(2, admission.InFlight);
    }

    [Fact]
    public void EventOfACallUnderWay_IsTakenUpToTwiceTheLimit()
    {
        var admission = Admission(max: 2);
        admission.TryEnter(startsCall: true);
        admission.TryEnter(startsCall: true);

        Assert.True(admission.TryEnter(startsCall: false));
        Assert.True(admission.TryEnter(startsCall: false));
        Assert.False(admission.TryEnter(startsCall: false));
        Assert.False(admission.TryEnter(startsCall: true));
    }

    [Fact]
    public void AnsweredEvent_MakesRoomForANewCall()
    {
        var admission = Admission(max: 1);
        admission.TryEnter(startsCall: true);

        admission.Leave();

        Assert.True(admission.TryEnter(startsCall: true));
    }
}
