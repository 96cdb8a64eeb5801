using System.Diagnostics;
using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.ClickToCall;

/// <summary>
/// Turns a click's effects into what carries them out: Bitrix24 requests for the portal's dispatch, on the click's own
/// lane (its register and a failure finish are sent in order; both are live-card work, the user is looking at the card
/// the click opened), and the originate command for the PBX link.
/// </summary>
public static class ClickRequests
{
    /// <summary>The dispatch lane of a click. PBX call lanes are call keys, which start with the portal id, never with this prefix.</summary>
    public static string Lane(string clickKey) => "click:" + clickKey;

    public static DispatchRequest For(string clickKey, ClickEffect effect, GrainId replyTo) => new()
    {
        RequestId = $"{Lane(clickKey)}#{effect.EffectId}",
        Lane = Lane(clickKey),
        ReplyTo = replyTo,
        Priority = DispatchPriority.LiveCard,
        Request = RequestOf(clickKey, effect),
        TraceParent = Activity.Current?.Id,
    };

    public static PbxCommandEnvelope Originate(OriginateEffect originate, GrainId replyTo) => new()
    {
        RequestId = originate.RequestId,
        IssuedAt = originate.IssuedAt,
        ExpiresAt = originate.ExpiresAt,
        Command = originate.Command,
        ReplyTo = replyTo,
        // A click must not ring the user minutes later, when a PBX reconnects: without an open stream it fails now.
        WaitForStream = false,
    };

    private static Bitrix24Request RequestOf(string clickKey, ClickEffect effect) => effect switch
    {
        RegisterClickEffect register => new RegisterExternalCall(
            UserId: register.UserId,
            PhoneNumber: register.Number,
            Type: register.Type,
            CallStartDate: register.StartedAt,
            // The click id (not the whole key, which holds the portal id) tells this call apart in Bitrix24's
            // de-duplication (reference §5.1).
            ExternalCallId: ClickKey.Parse(clickKey).ClickId,
            Show: register.ShowCard,
            LineNumber: register.LineNumber,
            CrmEntityType: register.CrmEntityType,
            CrmEntityId: register.CrmEntityId,
            CallListId: register.CallListId),
        FinishClickEffect finish => new FinishExternalCall(
            CallId: finish.Bitrix24CallId,
            UserId: finish.UserId,
            DurationSeconds: 0,
            StatusCode: finish.Failure.StatusCode,
            AddToChat: finish.AddToChat,
            FailedReason: finish.Failure.Reason),
        _ => throw new InvalidOperationException($"No Bitrix24 request for {effect.GetType().Name}."),
    };
}
