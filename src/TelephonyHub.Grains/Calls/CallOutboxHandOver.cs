using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Recordings;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Hands a call's stored outbox over (<see cref="CallOutboxParts"/>): Bitrix24 requests to the portal's dispatch and PBX
/// commands to the PBX link together (the card should pop up as the phone rings), then a recording's attach to its
/// grain, which joins the call's lane behind the finish (reference §5.4). Effect ids make a second hand-over harmless.
/// </summary>
/// <param name="logger">The call grain's logger: these lines are the call's.</param>
public sealed partial class CallOutboxHandOver(IGrainFactory grains, TimeProvider time, ILogger logger, string callKey, GrainId replyTo)
{
    private string PortalId => CallKey.Parse(callKey).PortalId;

    /// <summary>True when everything was handed over; false (logged) when something could not be, to be tried again.</summary>
    public async Task<bool> HandOverAsync(CallState state)
    {
        var parts = CallOutboxParts.Of(callKey, state, replyTo);
        try
        {
            await Task.WhenAll(
                parts.Requests.IsEmpty ? Task.CompletedTask : grains.GetGrain<IPortalDispatchGrain>(PortalId).EnqueueAsync(parts.Requests),
                SendCommandsAsync(parts.Commands));
            foreach (var recording in parts.Recordings)
            {
                await grains.GetGrain<IRecordingGrain>(callKey).AttachAsync(recording);
            }

            return true;
        }
        catch (Exception ex)
        {
            LogOutboxFailed(logger, callKey, state.Outbox.Length, ex);
            return false;
        }
    }

    private async Task SendCommandsAsync(ImmutableArray<PbxCommandEffect> commands)
    {
        var now = time.GetUtcNow();
        foreach (var command in commands)
        {
            if (command.ExpiresAt <= now)
            {
                LogCommandObsolete(logger, callKey, command.EffectId);
                continue;
            }

            var delivery = await grains.GetGrain<IPbxLinkGrain>(PortalId).SendAsync(CallCommands.For(callKey, command, replyTo, now));
            if (delivery != PbxDelivery.Delivered)
            {
                LogCommandWaiting(logger, callKey, command.EffectId, delivery);
            }
        }
    }
}
