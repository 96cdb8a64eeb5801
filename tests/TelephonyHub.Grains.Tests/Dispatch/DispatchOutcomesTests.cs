using TelephonyHub.Bitrix24.Apps;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Dispatch;

namespace TelephonyHub.Grains.Tests.Dispatch;

public sealed class DispatchOutcomesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Bitrix24Error Unreachable = Bitrix24Error.TransportFailure("HttpRequestException: connection refused");
    private static readonly Bitrix24Error LimitExceeded =
        new() { Kind = Bitrix24ErrorKind.QueryLimitExceeded, HttpStatus = 503, Code = "QUERY_LIMIT_EXCEEDED", Description = "Too many requests" };

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
    public void TransientFailureOfOneCommand_KeepsItWithGrowingBackoff()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State;
        var error = new Bitrix24Error { Kind = Bitrix24ErrorKind.Transient, Code = "INTERNAL_SERVER_ERROR", Description = "Internal server error" };

        var first = Apply(state, (Prepared(state, 0), error, null));
        var second = Apply(first.State, (Prepared(first.State, 0), error, null));

        var retried = Assert.Single(second.State.Queue);
        Assert.Equal(2, retried.Attempts);
        Assert.InRange(retried.NotBefore - Now, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        Assert.Empty(second.Results);
        Assert.Null(second.State.BackoffUntil);
    }

    [Fact]
    public void Backoff_IsCappedAtTheMaximum()
    {
        Assert.Equal(_options.RetryMaxDelay * 0.8, DispatchOutcomes.Backoff(50, _options, jitter: 0));
    }

    [Fact]
    public void Backoff_SpreadsRetriesByTwentyPercentEitherWay()
    {
        Assert.Equal(TimeSpan.FromSeconds(3.2), DispatchOutcomes.Backoff(3, _options, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(4.8), DispatchOutcomes.Backoff(3, _options, jitter: 1));
    }

    [Fact]
    public void UnreachablePortal_BacksOffThePortalAsAWholeAndKeepsRequestsTogether()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Register("call-2").Finish("call-3").Registered("call-3", "x").State;

        var first = ApplyWhole(state, Unreachable, 0, 1, 2);
        var second = ApplyWhole(first.State, Unreachable, 0, 1, 2);

        Assert.Equal(2, second.State.ConsecutiveFailures);
        Assert.Equal(Now + DispatchOutcomes.Backoff(2, _options, 0.5), second.State.BackoffUntil);
        // No request has a backoff of its own: when the portal is back, one batch carries them all.
        Assert.All(second.State.Queue, q => Assert.Equal(Now, q.NotBefore));
        Assert.All(second.State.Queue, q => Assert.Equal(2, q.Attempts));
        Assert.Equal(6, second.State.Counters.Retried);
        Assert.Empty(second.Results);
    }

    [Fact]
    public void AnsweredRequest_EndsThePortalBackoff()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State with { ConsecutiveFailures = 7, BackoffUntil = Now };

        var applied = Apply(state, (Prepared(state, 0), null, new RegisterExternalCallResult("externalCall.abc.1", null, [], null, null)));

        Assert.Equal(0, applied.State.ConsecutiveFailures);
        Assert.Null(applied.State.BackoffUntil);
    }

    [Fact]
    public void QueryLimitExceeded_KeepsTheRequestsAndSaysTheBucketIsFull()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Register("call-2").State;

        var applied = ApplyWhole(state, LimitExceeded, 0, 1);

        Assert.True(applied.LimitHit);
        Assert.Equal(2, applied.State.Queue.Count);
        Assert.Equal(1, applied.State.Counters.RejectedByLimit); // one HTTP request refused
        Assert.NotNull(applied.State.BackoffUntil);
        Assert.Empty(applied.Results);
    }

    [Fact]
    public void RefusedBatch_SendsItsCommandsOneByOne()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Register("call-2").State;
        var refused = new Bitrix24Error { Kind = Bitrix24ErrorKind.Validation, HttpStatus = 400, Code = "ERROR_BATCH_LENGTH_EXCEEDED", Description = "Max batch length exceeded" };

        var applied = ApplyWhole(state, refused, 0, 1);

        Assert.All(applied.State.Queue, q => Assert.True(q.SendAlone));
        Assert.Empty(applied.Results);
        Assert.Equal(0, applied.State.Counters.Failed);
    }

    [Fact]
    public void FailedCommandInABatch_IsReportedAloneWhileTheOthersSucceed()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Register("call-2").Finish("call-3").Registered("call-3", "x").State;
        var notFound = new Bitrix24Error { Kind = Bitrix24ErrorKind.Validation, Code = "", Description = "User is not found or is not active" };

        var applied = Apply(state,
            (Prepared(state, 0), null, new RegisterExternalCallResult("externalCall.a.1", null, [], null, null)),
            (Prepared(state, 1), notFound, null),
            (Prepared(state, 2), null, new FinishExternalCallResult { Id = 1, CallId = "x" }));

        Assert.Empty(applied.State.Queue);
        Assert.Equal(3, applied.Results.Length);
        var failed = Assert.Single(applied.Results, r => !r.Result.Succeeded);
        Assert.Equal("call-2#register", failed.Result.RequestId);
        Assert.Equal("User is not found or is not active", applied.State.Lanes["call-2"].FailedBecause);
        Assert.Null(applied.State.Lanes["call-1"].FailedBecause);
        Assert.Equal(2, applied.State.Counters.Sent);
        Assert.Equal(1, applied.State.Counters.Failed);
    }

    [Fact]
    public void CommandNotExecuted_IsSentAgainAsItWas()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State;

        var applied = Apply(state, (Prepared(state, 0), new Bitrix24Error { Kind = Bitrix24ErrorKind.NotExecuted }, null));

        var kept = Assert.Single(applied.State.Queue);
        Assert.Equal(0, kept.Attempts);
        Assert.Equal(Now, kept.NotBefore);
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
    public void OperationTimeLimitWithoutResetTime_WaitsForTheResetOfTheLastGoodAnswer()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Register("call-2").State;
        var reset = Now.AddMinutes(4);
        var goodTime = new Bitrix24Timing { Operating = TimeSpan.FromSeconds(300), OperatingResetAt = reset };
        var first = DispatchOutcomes.Apply(state, new Transmission(
            [new SentOutcome(Prepared(state, 0), null, new RegisterExternalCallResult("externalCall.a.1", null, [], null, null), goodTime)], null), Now, _options, 0.5);

        var refused = Apply(first.State, (Prepared(first.State, 0), new Bitrix24Error { Kind = Bitrix24ErrorKind.OperationTimeLimit, HttpStatus = 429, Code = "OPERATION_TIME_LIMIT" }, null));

        Assert.Equal(reset, refused.State.BlockedMethods["telephony.externalcall.register"]);
    }

    [Fact]
    public void OperatingBudgetUsedUp_BlocksTheMethodBeforeThePortalRefuses()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State;
        var reset = Now.AddMinutes(9);
        var spent = new Bitrix24Timing { Operating = TimeSpan.FromSeconds(481), OperatingResetAt = reset };

        var applied = DispatchOutcomes.Apply(state, new Transmission(
            [new SentOutcome(Prepared(state, 0), null, new RegisterExternalCallResult("externalCall.a.1", null, [], null, null), spent)], null), Now, _options, 0.5);

        Assert.Equal(reset, applied.State.BlockedMethods["telephony.externalcall.register"]);
        Assert.Equal(TimeSpan.FromSeconds(481), applied.State.MethodBudgets["telephony.externalcall.register"].Operating);
    }

    [Fact]
    public void BlockThatIsOver_IsForgotten()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State;
        state = state with { BlockedMethods = state.BlockedMethods.SetItem("telephony.externalcall.finish", Now.AddSeconds(-1)) };

        var applied = Apply(state, (Prepared(state, 0), null, new RegisterExternalCallResult("externalCall.a.1", null, [], null, null)));

        Assert.Empty(applied.State.BlockedMethods);
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

        var applied = ApplyWhole(state, new Bitrix24Error { Kind = Bitrix24ErrorKind.InvalidToken, HttpStatus = 401, Code = "invalid_token" }, 0);

        Assert.NotNull(applied.State.PausedBecause);
        Assert.Equal(2, applied.State.Queue.Count);
    }

    [Fact]
    public void MergedShow_TellsEveryRequesterAndEmptiesTheQueue()
    {
        var state = new DispatchQueueBuilder(Now).Show("call-1", 14).Show("call-1", 16).Registered("call-1", "x").State;
        var merged = new PreparedRequest(state.Queue[0], new ShowExternalCall("x", [14, 16])) { Merged = [state.Queue[1]] };

        var applied = Apply(state, (merged, null, true));

        Assert.Empty(applied.State.Queue);
        Assert.Equal([state.Queue[0].Request.RequestId, state.Queue[1].Request.RequestId], applied.Results.Select(r => r.Result.RequestId));
        Assert.Equal(2, applied.State.Counters.Sent);
        Assert.Equal(1, applied.State.Counters.Merged);
    }

    [Fact]
    public void AppInfo_TeachesTheEnterpriseBucket()
    {
        var state = BucketLearning.EnsureProbe(new DispatchState(), Now);

        var applied = Apply(state, (Prepared(state, 0), null, new AppInfo { LicenseFamily = "ent", Installed = true }));

        Assert.Equal(250, applied.State.Bucket!.Capacity);
        Assert.Equal(5, applied.State.Bucket.DrainPerSecond);
        Assert.Equal("ent", applied.State.Bucket.LicenseFamily);
        Assert.Empty(applied.State.Queue);
    }

    [Fact]
    public void AppInfoRefused_KeepsTheDefaultBucketAndStopsAsking()
    {
        var state = BucketLearning.EnsureProbe(new DispatchState(), Now);
        var denied = new Bitrix24Error { Kind = Bitrix24ErrorKind.AccessDenied, HttpStatus = 403, Code = "ACCESS_DENIED" };

        var applied = Apply(state, (Prepared(state, 0), denied, null));

        Assert.Equal(_options.BucketCapacity, applied.State.Bucket!.Capacity);
        Assert.Null(applied.State.Bucket.LicenseFamily);
        Assert.Same(applied.State, BucketLearning.EnsureProbe(applied.State, Now));
    }

    [Fact]
    public void FinishedLane_IsForgottenAfterRetention()
    {
        var state = new DispatchQueueBuilder(Now).Finish("call-1").Registered("call-1", "x").State;
        var applied = Apply(state, (Prepared(state, 0), null, new FinishExternalCallResult { Id = 1, CallId = "x" }));
        Assert.True(applied.State.Lanes["call-1"].Finished);

        var later = DispatchOutcomes.Apply(applied.State, new Transmission([], null), Now + _options.FinishedLaneRetention + TimeSpan.FromSeconds(1), _options, 0.5);

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

    private DispatchOutcomes.Applied Apply(DispatchState state, params (PreparedRequest Sent, Bitrix24Error? Error, object? Value)[] outcomes) =>
        DispatchOutcomes.Apply(state, new Transmission([.. outcomes.Select(o => new SentOutcome(o.Sent, o.Error, o.Value))], null), Now, _options, jitter: 0.5);

    /// <summary>The whole HTTP request carrying these queue items failed.</summary>
    private DispatchOutcomes.Applied ApplyWhole(DispatchState state, Bitrix24Error error, params int[] indexes) =>
        DispatchOutcomes.Apply(state, new Transmission([.. indexes.Select(i => new SentOutcome(Prepared(state, i), error, null))], error), Now, _options, jitter: 0.5);
}
