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
    /// <summary>
    /// How often a renewal asks the portal whether the stream's key is still valid. A revocation closes the streams at
    /// once through the link; this only catches one that did not reach it, and asking at every renewal (every stream,
    /// every few seconds) would cost a portal call for each.
    /// </summary>
    private static readonly TimeSpan KeyRecheckPeriod = TimeSpan.FromMinutes(5);

    private readonly AttachedStreams _streams = new(options.Value.StreamLease);
    private readonly CoalescingStateWriter<PbxLinkState> _writer = new(state);
    private IGrainTimer? _expiryTimer;

    private string PortalId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The streams attached before a reactivation are still open somewhere: they are closed on a revocation, and get
        // commands again once they have attached again.
        _streams.Restore(state.State.Streams, time.GetUtcNow());
        return Task.CompletedTask;
    }

    async Task<PbxAttachment> IPbxLinkGrain.AttachAsync(string connectionId, string keyId, IPbxCommandObserver observer)
    {
        // Listed before its key is checked, so a revocation landing during the check finds it and closes it.
        var stream = _streams.Begin(connectionId, keyId, observer, time.GetUtcNow());
        if (!await KeyIsActiveAsync(keyId))
        {
            await ForgetRevokedAsync(stream);
            return PbxAttachment.Revoked;
        }

        var now = time.GetUtcNow();
        var expired = TakeExpired(now);
        _streams.ForgetExpired(now);
        state.State = state.State with { LastAttachedAt = now, Streams = _streams.Records() };
        await _writer.WriteAsync();
        NotifyExpired(expired);
        if (!_streams.Contains(stream))
        {
            return PbxAttachment.Revoked; // closed while it was stored: the close told it why
        }

        // Live only now, with no await before the return: a command sent during the write is in the pending list
        // handed back here, not delivered to this stream ahead of it as well.
        stream.Verified();
        LogAttached(logger, PortalId, connectionId, state.State.Pending.Length);
        return new PbxAttachment(PbxLease.Held, state.State.Pending);
    }

    async Task<PbxLease> IPbxLinkGrain.RenewAsync(string connectionId)
    {
        var now = time.GetUtcNow();
        var stream = _streams.Find(connectionId);
        if (stream is null || !_streams.IsLive(stream, now))
        {
            // Forgotten, restored after a reactivation, a delivery to it failed, or its lease ran out: commands may not
            // have reached it. Attaching again checks its key and resends them.
            return PbxLease.Lost;
        }

        stream.LastSeen = now;
        if (now - stream.KeyCheckedAt < KeyRecheckPeriod)
        {
            return PbxLease.Held;
        }

        if (await KeyIsActiveAsync(stream.KeyId))
        {
            stream.KeyCheckedAt = now;
            return PbxLease.Held;
        }

        // The revocation did not reach this stream (closing it failed, or the link could not be reached then).
        await ForgetRevokedAsync(stream);
        return PbxLease.Revoked;
    }

    async Task IPbxLinkGrain.DetachAsync(string connectionId)
    {
        if (_streams.Remove(connectionId))
        {
            LogDetached(logger, PortalId, connectionId);
            await StoreStreamsAsync();
        }
    }

    async Task<PbxDelivery> IPbxLinkGrain.SendAsync(PbxCommandEnvelope command)
    {
        var stream = _streams.NewestLive(time.GetUtcNow());
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

        stream.Deliver(command, ex => DeliveryFailed(stream, ex));
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
        var closing = _streams.TakeAll(keyId);
        if (closing.IsEmpty)
        {
            return;
        }

        // All at once: a stream whose silo died must not hold up the others (nor the revocation) for a call timeout.
        await Task.WhenAll(closing.Select(stream => CloseAsync(stream, reason)));
        await StoreStreamsAsync();
    }

    async Task IPortalPart.PurgeAsync()
    {
        await ((IPbxLinkGrain)this).CloseStreamsAsync(null, "The portal's data was purged.");
        await _writer.ClearAsync();
        this.DeactivateOnIdle();
    }

    Task<PbxLinkStatus> IPbxLinkGrain.GetStatusAsync() => Task.FromResult(new PbxLinkStatus(
        _streams.CountLive(time.GetUtcNow()), state.State.Pending.Length, state.State.LastAttachedAt));

    private Task<bool> KeyIsActiveAsync(string keyId) => GrainFactory.GetGrain<IPortalGrain>(PortalId).IsPbxKeyActiveAsync(keyId);

    /// <summary>The stream's key turned out revoked: it is told so in the answer, and closes itself.</summary>
    private Task ForgetRevokedAsync(AttachedStream stream)
    {
        _streams.Remove(stream);
        LogRefused(logger, PortalId, stream.ConnectionId, stream.KeyId);
        return StoreStreamsAsync();
    }

    /// <summary>Stores the list of streams if it changed (a stream attached, detached or was closed).</summary>
    private Task StoreStreamsAsync()
    {
        var records = _streams.Records();
        if (records.SequenceEqual(state.State.Streams))
        {
            return _writer.FlushAsync();
        }

        state.State = state.State with { Streams = records };
        return _writer.WriteAsync();
    }

    private async Task CloseAsync(AttachedStream stream, string reason)
    {
        try
        {
            await stream.Observer.CloseAsync(reason);
        }
        catch (Exception ex)
        {
            // If the stream is still open, its next renewal finds it forgotten and its attach finds the key revoked.
            LogCloseFailed(logger, PortalId, stream.ConnectionId, ex);
        }
    }

    private void DeliveryFailed(AttachedStream stream, Exception ex)
    {
        // The stream's silo is gone or the stream closed: its commands stay pending for the next attach. It stays
        // listed, so a revocation still closes it if it is open after all.
        stream.DeliveryFailed();
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
