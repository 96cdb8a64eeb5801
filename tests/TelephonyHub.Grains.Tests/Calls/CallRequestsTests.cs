using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Recordings;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Calls;

namespace TelephonyHub.Grains.Tests.Calls;

/// <summary>What reaches Bitrix24 when a call ends: the finish's fields on the wire, and where the recording goes.</summary>
public sealed class CallRequestsTests
{
    private const string Key = "portal-1/pbx-call-1";
    private static readonly GrainId Self = GrainId.Create("call", Key);
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly CallEvents _events = new(Start);

    [Fact]
    public void Finish_CarriesHandlingUserDurationStatusCostAndAddToChat()
    {
        var state = Answered(addToChat: false);
        var ended = _events.After(TimeSpan.FromSeconds(95)).Ended(CallOutcome.Answered) with { Cost = 1.25m, CostCurrency = "EUR" };
        var finish = CallDecisions.OnEnded(state, ended, _events.Now).Effects.OfType<FinishCallEffect>().Single();

        var request = CallRequests.For(Key, state with { Bitrix24CallId = "externalCall.1" }, finish, Self)!;

        var pairs = request.Request.ToParameters().Pairs.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("externalCall.1", pairs["CALL_ID"]);
        Assert.Equal("14", pairs["USER_ID"]);
        Assert.Equal("95", pairs["DURATION"]);
        Assert.Equal("200", pairs["STATUS_CODE"]);
        Assert.Equal("1.25", pairs["COST"]);
        Assert.Equal("EUR", pairs["COST_CURRENCY"]);
        Assert.Equal("0", pairs["ADD_TO_CHAT"]); // sent explicitly either way (reference §5.3, open question 2)
        Assert.False(pairs.ContainsKey("RECORD_URL"));
        Assert.Equal(Key, request.Lane);
        Assert.Equal($"{Key}#{finish.EffectId}", request.RequestId);
    }

    [Fact]
    public void FinishWithoutCost_SendsNoCostAndAddToChatOne()
    {
        var state = Answered(addToChat: true) with { Bitrix24CallId = "externalCall.2" };
        var finish = CallDecisions.OnEnded(state, _events.Ended(CallOutcome.NoAnswer), _events.Now).Effects.OfType<FinishCallEffect>().Single();

        var pairs = CallRequests.For(Key, state, finish, Self)!.Request.ToParameters().Pairs.ToDictionary(p => p.Key, p => p.Value);

        Assert.False(pairs.ContainsKey("COST"));
        Assert.False(pairs.ContainsKey("COST_CURRENCY"));
        Assert.Equal("1", pairs["ADD_TO_CHAT"]);
    }

    [Fact]
    public void RecordingUrl_IsHandedToTheRecordingGrain_NotToTheDispatch()
    {
        var state = Answered(addToChat: true) with { Bitrix24CallId = "externalCall.1" };
        var attach = Attach(state, _events.Recording("call.mp3"));

        Assert.Null(CallRequests.For(Key, state, attach, Self));
        var job = RecordingHandOff.For(state, attach)!;
        Assert.Equal(attach.EffectId, job.JobId);
        Assert.Equal(new Uri("http://127.0.0.1:9/call.mp3"), job.Url);
        Assert.Equal("externalCall.1", job.Bitrix24CallId);
    }

    [Fact]
    public void UploadedRecording_IsHandedOverEvenWhenThePortalFetchesUrls()
    {
        var state = Answered(addToChat: true, portalFetchesUrls: true);
        var stored = new StoredRecording { RecordingId = "r1", FileName = "up.wav", ContentType = "audio/wav", Size = 10, Sha256 = new string('0', 64) };
        var attach = Attach(state, _events.Recording() with { Url = null, FileName = "up.wav", Stored = stored });

        Assert.Null(CallRequests.For(Key, state, attach, Self));
        Assert.Same(stored, RecordingHandOff.For(state, attach)!.Stored);
    }

    [Fact]
    public void RecordingUrl_GoesToBitrix24AsRecordUrl_WhenThePortalFetchesUrls()
    {
        var state = Answered(addToChat: true, portalFetchesUrls: true);
        var attach = Attach(state, _events.Recording("call.mp3"));

        var request = CallRequests.For(Key, state, attach, Self)!;

        var record = Assert.IsType<AttachExternalCallRecord>(request.Request);
        Assert.Equal(AttachRecordMode.Url, record.Mode);
        Assert.Equal(new Uri("http://127.0.0.1:9/call.mp3"), record.RecordUrl);
        Assert.Null(RecordingHandOff.For(state, attach));
    }

    [Fact]
    public void EffectsOtherThanRecordings_AreNeverHandedOff()
    {
        var state = Answered(addToChat: true);
        var effects = CallDecisions.OnEnded(state, _events.Ended(CallOutcome.Answered), _events.Now).Effects;

        Assert.All(effects, e => Assert.Null(RecordingHandOff.For(state, e)));
    }

    private AttachRecordingEffect Attach(CallState answered, RecordingReady recording)
    {
        var withRecording = CallDecisions.OnRecordingReady(answered, recording).State;
        return CallDecisions.OnEnded(withRecording, _events.Ended(CallOutcome.Answered), _events.Now).Effects.OfType<AttachRecordingEffect>().Single();
    }

    private CallState Answered(bool addToChat, bool portalFetchesUrls = false)
    {
        var policy = new CallPolicy
        {
            AddToChat = addToChat, RecordingMaxWait = TimeSpan.FromMinutes(10), FallbackUserId = 1, PortalFetchesRecordingUrls = portalFetchesUrls,
        };
        var started = CallDecisions.OnStarted(new CallState(), _events.InboundTo("102"), new CallStartContext("pbx-call-1", "+4930123456", 14, policy)).State;
        return CallDecisions.OnAnswered(started, _events.Answered("102"), 14).State;
    }
}
