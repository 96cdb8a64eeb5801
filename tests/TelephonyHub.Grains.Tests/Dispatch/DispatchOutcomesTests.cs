using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Dispatch;

namespace TelephonyHub.Grains.Tests.Dispatch;

public sealed class DispatchOutcomesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly DispatchOptions _options = new();

    [Fact]
    public void RegisterSucceeds_LaneLearnsCallIdAndRequesterIsTold()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Finish("call-1").State;
        var sent = Prepared(state, 0);

        var applied = Apply(state, (sent, null, new RegisterExternalCallResult("externalCall.abc.1", null, [], null, null)));

        Assert.Equal("externalCall.abc.1", applied.State.Lanes["call-1"].Bitrix24CallId);
        Assert.True(applied.State.Lanes["call-1"].CardsShown);
        Assert.IsType<FinishExternalCall>(Assert.Single(applied.State.Queue).Request.Request);
        var notice = Assert.Single(applied.Results);
        Assert.Equal("call-1#register", notice.Result.RequestId);
        Assert.True(notice.Result.Succeeded);
    }

    [Fact]
    public void TransientFailure_KeepsRequestWithGrowingBackoff()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State;
        var error = Bitrix24Error.TransportFailure("connection refused");

        var first = Apply(state, (Prepared(state, 0), error, null));
        var second = Apply(first.State, (Prepared(first.State, 0), error, null));

        var retried = Assert.Single(second.State.Queue);
        Assert.Equal(2, retried.Attempts);
        Assert.InRange(retried.NotBefore - Now, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        Assert.Empty(second.Results);
    }

    [Fact]
    public void Backoff_IsCappedAtTheMaximum()
    {
        Assert.Equal(_options.RetryMaxDelay * 0.8, DispatchOutcomes.Backoff(50, _options, jitter: 0));
    }

    [Fact]
    public void QueryLimitExceeded_KeepsRequestAndSaysTheBucketIsFull()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State;

        var applied = Apply(state, (Prepared(state, 0), new Bitrix24Error { Kind = Bitrix24ErrorKind.QueryLimitExceeded, HttpStatus = 503, Code = "QUERY_LIMIT_EXCEEDED" }, null));

        Assert.True(applied.LimitHit);
        Assert.Single(applied.State.Queue);
        Assert.Equal(1, applied.State.Counters.RejectedByLimit);
    }

    [Fact]
    public void OperationTimeLimit_BlocksThatMethodUntilReset()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State;
        var reset = Now.AddMinutes(7);

        var applied = Apply(state, (Prepared(state, 0), new Bitrix24Error { Kind = Bitrix24ErrorKind.OperationTimeLimit, OperatingResetAt = reset }, null));

        Assert.Equal(reset, applied.State.BlockedMethods["telephony.externalcall.register"]);
        Assert.Single(applied.State.Queue);
    }

    [Fact]
    public void ValidationFailureOfRegister_FailsTheLaneAndReportsTheError()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Finish("call-1").State;
        var error = new Bitrix24Error { Kind = Bitrix24ErrorKind.Validation, HttpStatus = 400, Code = "", Description = "User is not found or is not active" };

        var applied = Apply(state, (Prepared(state, 0), error, null));

        Assert.Equal("User is not found or is not active", applied.State.Lanes["call-1"].FailedBecause);
        Assert.False(Assert.Single(applied.Results).Result.Succeeded);
        Assert.Equal(1, applied.State.Counters.Failed);
    }

    [Fact]
    public void RevokedAccess_PausesThePortalAndKeepsEverything()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Finish("call-1").State;

        var applied = Apply(state, (Prepared(state, 0), new Bitrix24Error { Kind = Bitrix24ErrorKind.InvalidToken, HttpStatus = 401, Code = "invalid_token" }, null));

        Assert.NotNull(applied.State.PausedBecause);
        Assert.Equal(2, applied.State.Queue.Count);
    }

    [Fact]
    public void FinishedLane_IsForgottenAfterRetention()
    {
        var state = new DispatchQueueBuilder(Now).Finish("call-1").Registered("call-1", "x").State;
        var applied = Apply(state, (Prepared(state, 0), null, new FinishExternalCallResult { Id = 1, CallId = "x" }));
        Assert.True(applied.State.Lanes["call-1"].Finished);

        var later = DispatchOutcomes.Apply(applied.State, [], Now + _options.FinishedLaneRetention + TimeSpan.FromSeconds(1), _options, 0.5);

        Assert.Empty(later.State.Lanes);
    }

    private static PreparedRequest Prepared(DispatchState state, int index)
    {
        var item = state.Queue[index];
        var request = item.Request.Request is ICallScopedRequest { CallId: null } scoped
            && state.Lanes.GetValueOrDefault(item.Request.Lane!)?.Bitrix24CallId is { } id
            ? scoped.WithCallId(id)
            : item.Request.Request;
        return new PreparedRequest(item, request);
    }

    private DispatchOutcomes.Applied Apply(DispatchState state, params (PreparedRequest, Bitrix24Error?, object?)[] outcomes) =>
        DispatchOutcomes.Apply(state, outcomes, Now, _options, jitter: 0.5);
}
