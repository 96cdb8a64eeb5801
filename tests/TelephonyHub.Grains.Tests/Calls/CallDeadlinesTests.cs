using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Grains.Tests.CrmRouting;
using TelephonyHub.Grains.Tests.Queues;
using static TelephonyHub.Grains.Tests.Queues.QueueScenario;

namespace TelephonyHub.Grains.Tests.Calls;

/// <summary>What the call grain's timers and reminders follow: the deadlines read off the stored state.</summary>
public sealed class CallDeadlinesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void QueuedCallOffering_WaitsForTheStepDeadline_AndNothingElse()
    {
        var call = new QueueScenario(Start);
        call.Enter(QueueOf(QueueMode.Sequential, 5, 1, null, Anna, Boris));

        Assert.Equal(new CallDeadlines(null, Start.AddSeconds(5), null, false), CallDeadlines.Of(call.Call));
    }

    [Fact]
    public void AnsweredQueuedCall_NoLongerWaitsForAStep()
    {
        var call = new QueueScenario(Start);
        call.Enter(QueueOf(QueueMode.Sequential, 5, 1, null, Anna, Boris));
        call.Answer(Anna);

        Assert.Equal(new CallDeadlines(null, null, null, false), CallDeadlines.Of(call.Call));
    }

    [Fact]
    public void EndedCallPromisingARecording_WaitsUntilTheRecordingDeadline()
    {
        var events = new CallEvents(Start);
        var policy = new CallPolicy { AddToChat = false, RecordingMaxWait = TimeSpan.FromMinutes(10), FallbackUserId = 1 };
        var call = CallDecisions.OnStarted(new CallState(), events.InboundTo("101"), new CallStartContext("pbx-call-1", "+4930123456", 12, policy)).State;
        call = CallDecisions.OnAnswered(call, events.Answered("101"), 12).State;
        call = CallDecisions.OnEnded(call, events.Ended(CallOutcome.Answered, recordingPending: true, talkSeconds: 30), Start).State;

        Assert.Equal(CallPhase.Ended, call.Phase);
        Assert.Equal(new CallDeadlines(Start.AddMinutes(10), null, null, false), CallDeadlines.Of(call));
    }

    [Fact]
    public void CrmLookup_HasATimerOnItsTimeout_WithoutAStandbyReminder()
    {
        var call = new CrmScenario();
        call.Start();

        Assert.Equal(new CallDeadlines(null, null, call.Now + CrmScenario.LookupTimeout, false), CallDeadlines.Of(call.Call));
    }

    [Fact]
    public void ManagersPhoneRinging_HasATimerOnTheirAnswerTime_AndAStandbyReminder()
    {
        var call = new CrmScenario();
        call.Start();
        call.SearchAnswers(CrmScenario.Match(CrmEntityTypes.Contact, 797, CrmScenario.Anna));

        Assert.Equal(new CallDeadlines(null, null, call.Now + TimeSpan.FromSeconds(20), true), CallDeadlines.Of(call.Call));
    }
}
