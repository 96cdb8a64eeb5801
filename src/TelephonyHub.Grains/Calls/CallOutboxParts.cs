using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Recordings;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// A call's outbox split by where each effect goes: Bitrix24 requests to the portal's dispatch (<see cref="CallRequests"/>),
/// commands to the PBX link, recordings to the call's recording grain (<see cref="RecordingHandOff"/>).
/// </summary>
public sealed record CallOutboxParts(
    ImmutableArray<DispatchRequest> Requests,
    ImmutableArray<PbxCommandEffect> Commands,
    ImmutableArray<RecordingAttachRequest> Recordings)
{
    public static CallOutboxParts Of(string callKey, CallState state, GrainId replyTo) => new(
        [.. state.Outbox.Where(e => e is not PbxCommandEffect).Select(e => CallRequests.For(callKey, state, e, replyTo)).OfType<DispatchRequest>()],
        [.. state.Outbox.OfType<PbxCommandEffect>()],
        [.. state.Outbox.Select(e => RecordingHandOff.For(state, e)).OfType<RecordingAttachRequest>()]);
}
