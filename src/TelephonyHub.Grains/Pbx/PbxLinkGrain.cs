using TelephonyHub.Abstractions.Portals;
using Microsoft.Extensions.Options;
using TelephonyHub.Grains.Persistence;

namespace TelephonyHub.Grains.Pbx;

/// <inheritdoc cref="IPbxLinkGrain"/>
/// <remarks>
/// Reentrant, so a portal's commands and acknowledgements do not queue one storage write behind another: each request
/// changes the state synchronously, then waits for the coalescing writer, so commands sent or acknowledged together
/// are stored in one write. A command is still stored before it is delivered, and delivered in the order it was sent.
/// </remarks>
[Reentrant]
public sealed partial class PbxLinkGrain(
    [PersistentState("pbx-link", StorageNames.Default)] IPersistentState<PbxLinkState> state,
    IOptions<PbxLinkOptions> options,
    TimeProvider time,
    ILogger<PbxLinkGrain> logger) : Grain, IPbxLinkGrain
{
    private readonly List<AttachedStream> _streams = [];
    private readonly CoalescingStateWriter<PbxLinkState> _writer = new(state);
    private IGrainTimer? _expiryTimer;

    private string PortalId => this.GetPrimaryKeyString();

    async Task<ImmutableArray<PbxCommandEnvelope>> IPbxLinkGrain.AttachAsync(string connectionId, string keyId, IPbxCommandObserver stream)
    {
        var now = time.GetUtcNow();
        var expired = TakeExpired(now);
        state.State = state.State with { LastAttachedAt = now };
        await _writer.WriteAsync();
        NotifyExpired(expired);
        // Attached only now, with no await before the return: a command sent during the write is in the pending list
        // handed back here, not delivered to this stream ahead of it as well.
        _streams.RemoveAll(s => s.ConnectionId == connectionId);
        _streams.Add(new AttachedStream(connectionId, keyId, stream, now));
        LogAttached(logger, PortalId, connectionId, state.State.Pending.Length);
        return state.State.Pending;
    }

    Task<bool> IPbxLinkGrain.RenewAsync(string connectionId)
    {
        var stream = _streams.Find(s => s.ConnectionId == connectionId);
        stream?.LastSeen = time.GetUtcNow();
        return Task.FromResult(stream is not null);
    }

    Task IPbxLinkGrain.DetachAsync(string connectionId)
    {
        if (_streams.RemoveAll(s => s.ConnectionId == connectionId) > 0)
        {
            LogDetached(logger, PortalId, connectionId);
        }

        return Task.CompletedTask;
    }

    async Task<PbxDelivery> IPbxLinkGrain.SendAsync(PbxCommandEnvelope command)
    {
        var stream = NewestLiveStream();
        if (stream is null && !command.WaitForStream)
        {
            LogNoStream(logger, PortalId, command.RequestId);
            return PbxDelivery.NoStream;
        }

        if (!state.State.Pending.Any(p => p.RequestId == command.RequestId))
        {
            state.State = state.State with { Pending = state.State.Pending.Add(command) };
            await _writer.WriteAsync();
            ScheduleExpiry();
        }
        else
        {
            // A resend of a command still being stored is delivered only once that write is done.
            await _writer.FlushAsync();
        }

        // The stream chosen before the write: one attached during it already has this command in its pending list.
        if (stream is null)
        {
            return PbxDelivery.Queued;
        }

        stream.Deliver(command, ex => DropStream(stream, ex));
        return PbxDelivery.Delivered;
    }

    async Task IPbxLinkGrain.AcknowledgeAsync(PbxCommandAck ack)
    {
        var command = state.State.Pending.FirstOrDefault(p => p.RequestId == ack.RequestId);
        if (command is null)
        {
            // A PBX acknowledges again after a resend, or acknowledges something that already expired.
            LogUnknownAck(logger, PortalId, ack.RequestId);
            return;
        }

        state.State = state.State with { Pending = state.State.Pending.Remove(command) };
        await _writer.WriteAsync();
        LogAcknowledged(logger, PortalId, ack.RequestId, ack.Status);
        Notify(command, ack);
    }

    async Task IPbxLinkGrain.CloseStreamsAsync(string? keyId, string reason)
    {
        var streams = _streams.Where(s => keyId is null || s.KeyId == keyId).ToArray();
        _streams.RemoveAll(streams.Contains);
        foreach (var stream in streams)
        {
            try
            {
                await stream.Observer.CloseAsync(reason);
            }
            catch (Exception ex)
            {
                LogCloseFailed(logger, PortalId, stream.ConnectionId, ex);
            }
        }
    }

    async Task IPortalPart.PurgeAsync()
    {
        await ((IPbxLinkGrain)this).CloseStreamsAsync(null, "The portal's data was purged.");
        await _writer.ClearAsync();
        this.DeactivateOnIdle();
    }

    Task<PbxLinkStatus> IPbxLinkGrain.GetStatusAsync() => Task.FromResult(new PbxLinkStatus(
        _streams.Count(IsLive), state.State.Pending.Length, state.State.LastAttachedAt));

    private AttachedStream? NewestLiveStream() =>
        _streams.Where(IsLive).OrderByDescending(s => s.AttachedAt).FirstOrDefault();

    private bool IsLive(AttachedStream stream) => time.GetUtcNow() - stream.LastSeen < options.Value.StreamLease;

    private void DropStream(AttachedStream stream, Exception ex)
    {
        // The stream's silo is gone or the stream closed: its commands stay pending for the next stream.
        _streams.Remove(stream);
        LogDeliveryFailed(logger, PortalId, stream.ConnectionId, ex);
    }

    private void ScheduleExpiry()
    {
        if (_expiryTimer is not null || state.State.Pending.IsEmpty)
        {
            return;
        }

        var due = state.State.Pending.Min(p => p.ExpiresAt) - time.GetUtcNow();
        _expiryTimer = this.RegisterGrainTimer(async () =>
        {
            _expiryTimer?.Dispose();
            _expiryTimer = null;
            var expired = TakeExpired(time.GetUtcNow());
            if (!expired.IsEmpty)
            {
                await _writer.WriteAsync();
                NotifyExpired(expired);
            }

            ScheduleExpiry();
        }, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan));
    }

    /// <summary>Removes the commands past their time from the state (the caller stores it, then notifies).</summary>
    private ImmutableArray<PbxCommandEnvelope> TakeExpired(DateTimeOffset now)
    {
        var expired = state.State.Pending.Where(p => p.ExpiresAt <= now).ToImmutableArray();
        if (!expired.IsEmpty)
        {
            state.State = state.State with { Pending = state.State.Pending.RemoveRange(expired) };
        }

        return expired;
    }

    private void NotifyExpired(ImmutableArray<PbxCommandEnvelope> expired)
    {
        foreach (var command in expired)
        {
            LogExpired(logger, PortalId, command.RequestId);
            Notify(command, new PbxCommandAck
            {
                RequestId = command.RequestId,
                Status = PbxCommandAckStatus.Expired,
                Reason = "No PBX took the command in time (PBX offline).",
            });
        }
    }

    private void Notify(PbxCommandEnvelope command, PbxCommandAck ack)
    {
        if (command.ReplyTo is { } replyTo)
        {
            GrainFactory.GetGrain<IPbxCommandAckReceiver>(replyTo).OnPbxCommandAckAsync(ack).Ignore();
        }
    }
}
