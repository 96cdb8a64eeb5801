using System.Globalization;
using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Bitrix24.Phones;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.ClickToCall;

/// <summary>
/// A click's state machine as plain functions (scenario 4, reference §4.5): get a Bitrix24 <c>CALL_ID</c> (the
/// event's, or the hub's own register), send the PBX an originate, hand the Bitrix24 call to the PBX call that answers
/// it. Every way this can fail ends with a finish carrying a status code and a reason the user can read, so the
/// card the click opened never hangs.
/// </summary>
public static class ClickToCallDecisions
{
    public const string RegisterEffectId = "register";
    public const string OriginateEffectId = "originate";
    public const string FinishEffectId = "finish";

    /// <summary>An event delivered: taken when it is the first, a duplicate otherwise.</summary>
    public static ClickTransition OnRequest(ClickToCallState state, DialRequest request) => state.Phase == ClickPhase.None
        ? ClickTransition.Applied(state with { Phase = ClickPhase.Accepted, Request = request })
        : ClickTransition.Unchanged(state, $"The event was delivered again (the click is {state.Phase}); one call only.");

    /// <summary>The portal's settings and extensions (and, for a callback, the extensions' states) are known.</summary>
    public static ClickTransition OnContext(
        ClickToCallState state, PortalDialContext portal, ImmutableDictionary<string, ExtensionState> presence, DateTimeOffset now, ClickToCallOptions options)
    {
        if (state is not { Phase: ClickPhase.Accepted, Request: { } request })
        {
            return ClickTransition.Unchanged(state, $"The click is already {state.Phase}.");
        }

        if (!portal.Installed)
        {
            return ClickTransition.Applied(state with
            {
                Phase = ClickPhase.Dropped,
                Failure = new ClickFailure(CallStatusCode.Forbidden, "The TelephonyHub app is not installed on the portal."),
            });
        }

        var number = request.PhoneNumberInternational ?? PhoneNumberNormalizer.Normalize(request.PhoneNumber, portal.DefaultRegion);
        var (userId, extension) = request.Kind switch
        {
            DialKind.Callback => CallbackOperators.Choose(portal.Extensions, presence) is { } chosen
                ? (chosen.UserId, chosen.Extension)
                : (portal.FallbackUserId, null),
            _ => (request.UserId ?? portal.FallbackUserId, ExtensionOf(portal.Extensions, request.UserId)),
        };
        var next = state with { UserId = userId, Extension = extension, Number = number, AddToChat = portal.AddToChat };
        if (request.Bitrix24CallId is { } callId)
        {
            return Place(next with { Bitrix24CallId = callId }, now, options);
        }

        // No CALL_ID (an older portal's click, or a callback form): register the call first (reference §4.5), so the
        // originate carries the Bitrix24 call and a failure still lands in the CRM as a failed call.
        return ClickTransition.Applied(next with { Phase = ClickPhase.Registering }, new RegisterClickEffect
        {
            EffectId = RegisterEffectId,
            UserId = userId,
            Number = number,
            Type = request.Kind == DialKind.Callback ? ExternalCallType.Callback : ExternalCallType.Outgoing,
            StartedAt = request.ReceivedAt,
            ShowCard = extension is not null,
            LineNumber = request.LineNumber,
            CallListId = request.CallListId,
            CrmEntityType = request.CrmEntityType,
            CrmEntityId = request.CrmEntityId,
        });
    }

    /// <summary>The hub's own register answered with the call's <c>CALL_ID</c>.</summary>
    public static ClickTransition OnRegistered(ClickToCallState state, string bitrix24CallId, DateTimeOffset now, ClickToCallOptions options)
    {
        if (state is not { Phase: ClickPhase.Registering, Request: { } request })
        {
            return ClickTransition.Unchanged(state, $"A register answer came while the click is {state.Phase}.");
        }

        var registered = state with { Bitrix24CallId = bitrix24CallId };
        if (now - request.ReceivedAt > options.RegisterWindow)
        {
            return Fail(registered, CallStatusCode.TemporarilyUnavailable, string.Create(CultureInfo.InvariantCulture,
                $"Bitrix24 took {(now - request.ReceivedAt).TotalSeconds:0} s to register the call, so it was not placed: the phone would have rung long after the click. Please call again."));
        }

        return Place(registered, now, options);
    }

    /// <summary>The hub's register was refused for good: there is no Bitrix24 call to place or finish.</summary>
    public static ClickTransition OnRegisterFailed(ClickToCallState state, string why) => state.Phase == ClickPhase.Registering
        ? ClickTransition.Applied(state with { Phase = ClickPhase.Dropped, Failure = new ClickFailure(CallStatusCode.Other, $"Bitrix24 refused to register the call: {why}") })
        : ClickTransition.Unchanged(state, $"A register failure came while the click is {state.Phase}.");

    /// <summary>Where the originate went: no PBX stream open means the PBX is offline.</summary>
    public static ClickTransition OnDelivery(ClickToCallState state, PbxDelivery delivery) => state.Phase == ClickPhase.Originating && delivery == PbxDelivery.NoStream
        ? Fail(state, CallStatusCode.ServiceUnavailable,
            "The phone system (PBX) is not connected to TelephonyHub right now, so the call could not be placed. Please try again later or tell your administrator.")
        : ClickTransition.Unchanged(state, $"The originate was {delivery}.");

    /// <summary>What the PBX (or the link, on expiry) said about the originate.</summary>
    public static ClickTransition OnAcknowledged(ClickToCallState state, PbxCommandAck ack, DateTimeOffset now, ClickToCallOptions options)
    {
        if (state.Phase != ClickPhase.Originating)
        {
            return ClickTransition.Unchanged(state, $"The PBX answered {ack.Status} while the click is {state.Phase}.");
        }

        return ack.Status switch
        {
            PbxCommandAckStatus.Accepted => ClickTransition.Applied(state with { Phase = ClickPhase.Dialling, Deadline = now + options.CallReportTimeout }),
            PbxCommandAckStatus.Rejected => Fail(state, CallStatusCode.Forbidden,
                $"The phone system refused the call: {(string.IsNullOrWhiteSpace(ack.Reason) ? "no reason given" : ack.Reason.Trim())}."),
            _ => NoAnswer(state),
        };
    }

    /// <summary>The current wait ran out (the grain's timer).</summary>
    public static ClickTransition OnDeadline(ClickToCallState state, DateTimeOffset now)
    {
        if (state.Deadline is not { } deadline || now < deadline)
        {
            return ClickTransition.Unchanged(state, "No wait of the click is due.");
        }

        return state.Phase switch
        {
            ClickPhase.Originating => NoAnswer(state),
            ClickPhase.Dialling => Fail(state, CallStatusCode.TemporarilyUnavailable,
                "The phone system accepted the call but never reported it, so it was given up. Please call again."),
            _ => ClickTransition.Unchanged(state, $"No wait is due while the click is {state.Phase}."),
        };
    }

    /// <summary>
    /// The PBX call <paramref name="callKey"/> answers the originate: it takes the Bitrix24 call over. The PBX may report
    /// the call before it acknowledges the command, so an unacknowledged originate links too.
    /// </summary>
    public static (ClickTransition Transition, ClickToCallLink? Link) OnLinkRequested(ClickToCallState state, string callKey, string clickKey)
    {
        switch (state)
        {
            case { Phase: ClickPhase.Originating or ClickPhase.Dialling, Bitrix24CallId: { } callId, UserId: { } userId, Request: { } request }:
                var linked = state with { Phase = ClickPhase.Linked, LinkedCallKey = callKey, Deadline = null };
                return (ClickTransition.Applied(linked), Link(callId, userId, request, clickKey));
            case { Phase: ClickPhase.Linked, Bitrix24CallId: { } callId, UserId: { } userId, Request: { } request } when state.LinkedCallKey == callKey:
                return (ClickTransition.Unchanged(state, "The same PBX call asked again."), Link(callId, userId, request, clickKey));
            default:
                return (ClickTransition.Unchanged(state, $"A PBX call asked for the click while it is {state.Phase}; it is recorded as a call of its own."), null);
        }
    }

    private static ClickTransition Place(ClickToCallState state, DateTimeOffset now, ClickToCallOptions options)
    {
        var request = state.Request!;
        if (state.Extension is not { } extension)
        {
            return request.Kind == DialKind.Callback
                ? Fail(state, CallStatusCode.TemporarilyUnavailable,
                    "No operator was free to take the callback. Please call the customer back from the CRM.")
                : Fail(state, CallStatusCode.TemporarilyUnavailable,
                    "Your user has no phone extension in TelephonyHub, so the call could not be placed. Ask your administrator to assign one.");
        }

        var deadline = now + options.AcknowledgeTimeout;
        return ClickTransition.Applied(state with { Phase = ClickPhase.Originating, Deadline = deadline }, new OriginateEffect
        {
            EffectId = OriginateEffectId,
            RequestId = ClickKey.OriginateRequestId(request.ClickId),
            Command = new OriginateCallCommand(extension, state.Number!, request.LineNumber, state.Bitrix24CallId)
            {
                Announcement = request.Announcement,
                AnnouncementVoice = request.Announcement is null ? null : request.AnnouncementVoice,
            },
            IssuedAt = now,
            ExpiresAt = deadline,
        });
    }

    private static ClickTransition NoAnswer(ClickToCallState state) => Fail(state, CallStatusCode.ServiceUnavailable,
        "The phone system (PBX) did not answer the call request in time, so the call was not placed. Please try again.");

    private static ClickTransition Fail(ClickToCallState state, string statusCode, string reason)
    {
        var failure = new ClickFailure(statusCode, reason);
        if (state is not { Bitrix24CallId: { } callId, UserId: { } userId })
        {
            return ClickTransition.Applied(state with { Phase = ClickPhase.Dropped, Failure = failure, Deadline = null });
        }

        return ClickTransition.Applied(state with { Phase = ClickPhase.Failed, Failure = failure, Deadline = null }, new FinishClickEffect
        {
            EffectId = FinishEffectId,
            Bitrix24CallId = callId,
            UserId = userId,
            Failure = failure,
            AddToChat = state.AddToChat,
        });
    }

    private static ClickToCallLink Link(string callId, long userId, DialRequest request, string clickKey) => new()
    {
        Bitrix24CallId = callId,
        UserId = userId,
        CallListId = request.CallListId,
        Kind = request.Kind,
        ClickKey = clickKey,
    };

    // A user with several extensions: the lowest one, so the choice is stable.
    private static string? ExtensionOf(ImmutableDictionary<string, long> extensions, long? userId) => userId is { } user
        ? extensions.Where(e => e.Value == user).Select(e => e.Key).OrderBy(e => e.Length).ThenBy(e => e, StringComparer.Ordinal).FirstOrDefault()
        : null;
}
