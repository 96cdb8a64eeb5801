using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Bitrix24.Users;
using TelephonyHub.Grains.Dispatch;

namespace TelephonyHub.Grains.Tests.Dispatch;

/// <summary>Builds dispatch states the way calls fill them: per call, register, cards, finish.</summary>
internal sealed class DispatchQueueBuilder(DateTimeOffset now)
{
    private DispatchState _state = new();

    public DispatchState State => _state;

    public DispatchQueueBuilder Register(string call, bool show = true, long user = 12) => Add(call, $"{call}#register",
        new RegisterExternalCall(user, "+4930123456", ExternalCallType.Incoming, now, call, show, "7"),
        show ? DispatchPriority.LiveCard : DispatchPriority.CallRecord);

    public DispatchQueueBuilder Show(string call, params long[] users) =>
        Add(call, $"{call}#show{_state.NextSequence}", new ShowExternalCall(null, [.. users]), DispatchPriority.LiveCard);

    public DispatchQueueBuilder Hide(string call, params long[] users) =>
        Add(call, $"{call}#hide{_state.NextSequence}", new HideExternalCall(null, [.. users]), DispatchPriority.LiveCard);

    public DispatchQueueBuilder Finish(string call, long user = 12) => Add(call, $"{call}#finish",
        new FinishExternalCall(null, user, 30, CallStatusCode.Success, AddToChat: true), DispatchPriority.CallRecord);

    /// <summary>The CRM lookup a call routed by the CRM sends before it registers (scenario 3).</summary>
    public DispatchQueueBuilder Search(string call) =>
        Add(call, $"{call}#crm-lookup#0", new SearchCrmEntities("+4930123456"), DispatchPriority.LiveCard);

    public DispatchQueueBuilder Background(string id) => Add(null, id, new GetUsers(), DispatchPriority.Background);

    public DispatchQueueBuilder Registered(string call, string callId, bool cardsShown = true)
    {
        var lane = _state.Lanes.GetValueOrDefault(call) ?? new DispatchLane { LastActivity = now };
        _state = _state with { Lanes = _state.Lanes.SetItem(call, lane with { Bitrix24CallId = callId, CardsShown = cardsShown }) };
        return this;
    }

    private DispatchQueueBuilder Add(string? lane, string id, Bitrix24Request request, DispatchPriority priority)
    {
        (_state, _) = DispatchEnqueue.Add(_state, [new DispatchRequest { RequestId = id, Lane = lane, Request = request, Priority = priority }], now);
        return this;
    }
}
