namespace TelephonyHub.Grains.Calls;

/// <summary>
/// The call's state machine, as plain functions: given the state and an event (plus what the grain looked up),
/// the next state and the effects. Phases only move forward; an event that comes too late for the phase is
/// ignored with a reason, an event for a call that never started is refused.
/// </summary>
public static class CallDecisions
{
    public static CallTransition OnStarted(CallState state, CallStarted evt, CallStartContext context)
    {
        if (state.Phase != CallPhase.None)
        {
            return CallTransition.Rejected(state, EventRejection.FailedPrecondition,
                $"The call was already started (phase {state.Phase}); a second CallStarted with another event id is refused.");
        }

        // A known extension's owner sees the card at once (scenario 1); otherwise the call is registered to the
        // fallback user without a card, and cards follow what the PBX rings.
        var showCard = context.ExtensionUserId is not null;
        var userId = context.ExtensionUserId ?? context.Policy.FallbackUserId;
        var next = state with
        {
            Phase = CallPhase.Started,
            Direction = evt.Direction,
            CustomerNumber = context.CustomerNumber,
            LineNumber = evt.LineNumber,
            Extension = evt.Extension,
            StartedAt = evt.OccurredAt,
            RegisteredUserId = userId,
            CardHolders = showCard ? [userId] : [],
            Policy = context.Policy,
        };
        return CallTransition.Applied(next, new RegisterCallEffect
        {
            EffectId = EffectId(evt, 0),
            UserId = userId,
            CustomerNumber = context.CustomerNumber,
            Direction = evt.Direction,
            StartedAt = evt.OccurredAt,
            LineNumber = evt.LineNumber,
            ExternalCallId = context.ExternalCallId,
            ShowCard = showCard,
        });
    }

    /// <param name="ringingUsers">The Bitrix24 users of the ringing extensions that are known.</param>
    public static CallTransition OnRinging(CallState state, CallRinging evt, ImmutableArray<long> ringingUsers)
    {
        if (Unstarted(state) is { } refused)
        {
            return refused;
        }

        if (state.Phase >= CallPhase.Answered)
        {
            return CallTransition.Ignored(state, $"Ringing came after the call was {Describe(state.Phase)}.");
        }

        var effects = MoveCards(state, ringingUsers.Distinct().ToImmutableArray(), evt, out var holders);
        return CallTransition.Applied(state with { Phase = CallPhase.Ringing, CardHolders = holders }, effects);
    }

    /// <param name="answeringUserId">The Bitrix24 user of the answering extension, if known.</param>
    public static CallTransition OnAnswered(CallState state, CallAnswered evt, long? answeringUserId)
    {
        if (Unstarted(state) is { } refused)
        {
            return refused;
        }

        if (state.Phase >= CallPhase.Answered)
        {
            return CallTransition.Ignored(state, $"The call was already {Describe(state.Phase)}.");
        }

        // The one who answered keeps the card; everybody else loses it. An unknown extension (not a Bitrix24
        // user) leaves the call with the user it is registered to.
        ImmutableArray<long> keep = answeringUserId is { } user ? [user] : [];
        var effects = MoveCards(state, keep, evt, out var holders);
        return CallTransition.Applied(state with
        {
            Phase = CallPhase.Answered,
            AnsweredAt = evt.OccurredAt,
            HandlingUserId = answeringUserId ?? state.RegisteredUserId,
            CardHolders = holders,
        }, effects);
    }

    /// <param name="targetUserId">The Bitrix24 user of the extension that has the call now, if known.</param>
    public static CallTransition OnTransferred(CallState state, CallTransferred evt, long? targetUserId)
    {
        if (Unstarted(state) is { } refused)
        {
            return refused;
        }

        if (state.Phase >= CallPhase.Ended)
        {
            return CallTransition.Ignored(state, $"Transfer came after the call was {Describe(state.Phase)}.");
        }

        ImmutableArray<long> keep = targetUserId is { } user ? [user] : [];
        var effects = MoveCards(state, keep, evt, out var holders);
        var handling = state.Phase == CallPhase.Answered ? targetUserId ?? state.HandlingUserId : state.HandlingUserId;
        return CallTransition.Applied(state with { HandlingUserId = handling, CardHolders = holders }, effects);
    }

    public static CallTransition OnEnded(CallState state, CallEnded evt, DateTimeOffset now)
    {
        if (Unstarted(state) is { } refused)
        {
            return refused;
        }

        if (state.Phase >= CallPhase.Ended)
        {
            return CallTransition.Ignored(state, $"The call was already {Describe(state.Phase)}.");
        }

        var policy = Policy(state);
        var ending = new CallEnding
        {
            EndedAt = evt.OccurredAt,
            FinishingUserId = state.HandlingUserId ?? state.RegisteredUserId,
            DurationSeconds = TalkSeconds(state, evt),
            StatusCode = CallOutcomeStatus.For(evt.Outcome, state.Direction, evt.SipCode),
            Cost = evt.Cost,
            CostCurrency = evt.CostCurrency,
            FailedReason = evt.FailedReason,
        };

        if (evt.RecordingPending && state.Recording is null)
        {
            // Scenario 5: the record must not be finished without its recording, but no card may hang around
            // while we wait — hide it from everybody now, finish when the recording comes or the wait runs out.
            var hideAll = HideFrom(state.CardHolders, evt, 0);
            return CallTransition.Applied(state with
            {
                Phase = CallPhase.Ended,
                Ending = ending,
                CardHolders = [],
                RecordingDeadline = now + policy.RecordingMaxWait,
            }, [.. hideAll]);
        }

        // finish hides the card only for the finishing user (reference §5.3, open question 11): hide the others.
        var others = state.CardHolders.Remove(ending.FinishingUserId);
        var effects = new List<CallEffect>(HideFrom(others, evt, 0))
        {
            new FinishCallEffect { EffectId = EffectId(evt, 1), Ending = ending, AddToChat = policy.AddToChat },
        };
        if (state.Recording is { } early)
        {
            effects.Add(new AttachRecordingEffect { EffectId = EffectId(evt, 2), Recording = early });
        }

        return CallTransition.Applied(
            state with { Phase = CallPhase.Finished, Ending = ending, CardHolders = [] }, [.. effects]);
    }

    public static CallTransition OnRecordingReady(CallState state, RecordingReady evt)
    {
        if (Unstarted(state) is { } refused)
        {
            return refused;
        }

        switch (state.Phase)
        {
            case < CallPhase.Ended:
                // Kept until the call ends; attachRecord needs a finished call (reference §5.4).
                return CallTransition.Applied(state with { Recording = evt });
            case CallPhase.Ended:
                return CallTransition.Applied(
                    state with { Phase = CallPhase.Finished, Recording = evt, RecordingDeadline = null },
                    Finish(state, EffectId(evt, 0)),
                    new AttachRecordingEffect { EffectId = EffectId(evt, 1), Recording = evt });
            default:
                if (state.Recording is not null)
                {
                    return CallTransition.Ignored(state, "The call already has its recording.");
                }

                // Came after the wait gave up: the call is finished without it, attach it now.
                return CallTransition.Applied(state with { Recording = evt },
                    new AttachRecordingEffect { EffectId = EffectId(evt, 0), Recording = evt });
        }
    }

    /// <summary>The bounded wait for a recording ran out: finish without it.</summary>
    public static CallTransition OnRecordingWaitExpired(CallState state, DateTimeOffset now)
    {
        if (state.Phase != CallPhase.Ended || state.RecordingDeadline is not { } deadline || now < deadline)
        {
            return CallTransition.Ignored(state, "No recording wait is due.");
        }

        return CallTransition.Applied(
            state with { Phase = CallPhase.Finished, RecordingDeadline = null },
            Finish(state, $"recording-wait-expired#{deadline.UtcTicks}#0"));
    }

    private static FinishCallEffect Finish(CallState state, string effectId) => new()
    {
        EffectId = effectId,
        Ending = state.Ending ?? throw new InvalidOperationException("An ended call has its ending."),
        AddToChat = Policy(state).AddToChat,
    };

    private static CallTransition? Unstarted(CallState state) => state.Phase == CallPhase.None
        ? CallTransition.Rejected(state, EventRejection.NotFound, "The call is not known on this portal (no CallStarted).")
        : null;

    /// <summary>Cards go to exactly <paramref name="target"/>: hide from the others, show to the newcomers.</summary>
    private static ImmutableArray<CallEffect> MoveCards(
        CallState state, ImmutableArray<long> target, CallEvent evt, out ImmutableArray<long> holders)
    {
        holders = target;
        var hide = state.CardHolders.Except(target).ToImmutableArray();
        var show = target.Except(state.CardHolders).ToImmutableArray();
        var effects = ImmutableArray.CreateBuilder<CallEffect>();
        effects.AddRange(HideFrom(hide, evt, 0));
        if (!show.IsEmpty)
        {
            effects.Add(new ShowCardEffect { EffectId = EffectId(evt, 1), UserIds = show });
        }

        return effects.ToImmutable();
    }

    private static CallEffect[] HideFrom(ImmutableArray<long> users, CallEvent evt, int index) => users.IsEmpty
        ? []
        : [new HideCardEffect { EffectId = EffectId(evt, index), UserIds = users }];

    private static int TalkSeconds(CallState state, CallEnded evt)
    {
        if (evt.Outcome != CallOutcome.Answered)
        {
            return 0;
        }

        if (evt.TalkSeconds is { } reported)
        {
            return Math.Max(0, reported);
        }

        return state.AnsweredAt is { } answeredAt
            ? Math.Max(0, (int)Math.Round((evt.OccurredAt - answeredAt).TotalSeconds))
            : 0;
    }

    private static CallPolicy Policy(CallState state) =>
        state.Policy ?? throw new InvalidOperationException("A started call has its policy.");

    private static string EffectId(CallEvent evt, int index) => $"{evt.EventId}#{index}";

    private static string Describe(CallPhase phase) => phase switch
    {
        CallPhase.Answered => "answered",
        CallPhase.Ended => "ended",
        CallPhase.Finished => "finished",
        _ => phase.ToString().ToLowerInvariant(),
    };
}
