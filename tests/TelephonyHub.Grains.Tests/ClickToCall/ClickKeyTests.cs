using TelephonyHub.Abstractions.ClickToCall;

namespace TelephonyHub.Grains.Tests.ClickToCall;

public sealed class ClickKeyTests
{
    private static readonly DateTimeOffset Queued = DateTimeOffset.FromUnixTimeSeconds(1773236988);

    [Fact]
    public void ClickWithCallId_IsKeyedByTheBitrix24Call()
    {
        Assert.Equal("externalCall.abc.1", ClickKey.ForClick("externalCall.abc.1", Queued, 12, "+49 30 123"));
    }

    [Fact]
    public void ClickWithoutCallId_IsKeyedByTheEventsIdentity_TheSameForEveryDelivery()
    {
        var first = ClickKey.ForClick(null, Queued, 12, "+49 (30) 123");
        var again = ClickKey.ForClick("", Queued, 12, "+4930123");
        var otherUser = ClickKey.ForClick(null, Queued, 14, "+4930123");
        var later = ClickKey.ForClick(null, Queued.AddSeconds(1), 12, "+4930123");

        Assert.StartsWith("evt.t1773236988.u12.n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("4930123", first, StringComparison.Ordinal); // keys are logged: never the number in clear
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherUser);
        Assert.NotEqual(first, later);
    }

    [Fact]
    public void OriginateRequestId_NamesItsClick_AndNothingElseDoes()
    {
        var requestId = ClickKey.OriginateRequestId("externalCall.abc.1");

        Assert.True(ClickKey.TryParseOriginateRequestId(requestId, out var clickId));
        Assert.Equal("externalCall.abc.1", clickId);
        Assert.False(ClickKey.TryParseOriginateRequestId("transfer-1", out _));
        Assert.False(ClickKey.TryParseOriginateRequestId("click:", out _));
        Assert.False(ClickKey.TryParseOriginateRequestId(null, out _));
    }

    [Fact]
    public void Key_IsScopedToItsPortal()
    {
        var key = ClickKey.For("portal-1", "externalCall.abc.1");

        Assert.Equal(("portal-1", "externalCall.abc.1"), ClickKey.Parse(key));
        Assert.Throws<ArgumentException>(() => ClickKey.For("portal/1", "x"));
    }
}
