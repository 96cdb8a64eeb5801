using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.Tests.Queues;
using TelephonyHub.Abstractions.Pbx;
using static TelephonyHub.Grains.Tests.Queues.QueueScenario;

namespace TelephonyHub.Grains.Tests.Calls;

/// <summary>Where each effect of a call's outbox goes: the portal's dispatch, the PBX link, or the call's recording grain.</summary>
public sealed class CallOutboxPartsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private const string Key = QueueScenario.CallKey;
    private static readonly GrainId Call = GrainId.Create("call", Key);

    [Fact]
    public void QueuedCallsEntry_SendsRegisterAndCardsToTheDispatch_AndTheRingToThePbx()
    {
        var queued = new QueueScenario(Start);
        var entered = queued.Enter(QueueOf(QueueMode.Simultaneous, 20, 1, null, Anna, Boris));
        var state = queued.Call with { Outbox = entered.Effects };

        var parts = CallOutboxParts.Of(Key, state, Call);

        Assert.Collection(parts.Requests,
            r => Assert.Equal((Key, "telephony.externalcall.register"), (r.Lane, r.Request.Method)),
            r => Assert.Equal((Key, "telephony.externalcall.show"), (r.Lane, r.Request.Method)));
        Assert.All(parts.Requests, r => Assert.Equal(Call, r.ReplyTo));
        Assert.Equal(["101", "102"], Assert.IsType<RingExtensionsCommand>(Assert.Single(parts.Commands).Command).Extensions.ToArray());
        Assert.Empty(parts.Recordings);
    }

    [Fact]
    public void RecordingOfAFinishedCall_GoesToTheRecordingGrain_BehindTheFinishInTheDispatch()
    {
        var events = new CallEvents(Start);
        var policy = new CallPolicy { AddToChat = false, RecordingMaxWait = TimeSpan.FromMinutes(10), FallbackUserId = 1 };
        var call = CallDecisions.OnStarted(new CallState(), events.InboundTo("101"), new CallStartContext("pbx-call-1", "+4930123456", 12, policy)).State;
        call = CallDecisions.OnAnswered(call, events.Answered("101"), 12).State;
        call = CallDecisions.OnRecordingReady(call, events.Recording("call-1.mp3")).State;
        var ended = CallDecisions.OnEnded(call, events.Ended(CallOutcome.Answered, talkSeconds: 42), Start);

        var parts = CallOutboxParts.Of(Key, ended.State with { Outbox = ended.Effects }, Call);

        Assert.IsType<FinishExternalCall>(Assert.Single(parts.Requests).Request);
        Assert.Empty(parts.Commands);
        var recording = Assert.Single(parts.Recordings);
        Assert.Equal(new Uri("http://127.0.0.1:9/call-1.mp3"), recording.Url);
        Assert.Equal("call-1.mp3", recording.FileName);
    }
}
