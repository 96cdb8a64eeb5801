namespace TelephonyHub.Grains.Pbx;

/// <summary>
/// One PBX stream attached to the link. Deliveries to it are chained so the PBX receives commands in the order
/// they were sent, without the link waiting for the stream's silo inside a grain turn.
/// </summary>
internal sealed class AttachedStream(
    string connectionId, string keyId, IPbxCommandObserver observer, DateTimeOffset attachedAt, AttachedStreamPhase phase)
{
    private Task _tail = Task.CompletedTask;

    public string ConnectionId { get; } = connectionId;

    /// <summary>The API key the stream authenticated with.</summary>
    public string KeyId { get; } = keyId;

    public IPbxCommandObserver Observer { get; } = observer;

    public DateTimeOffset AttachedAt { get; } = attachedAt;

    public DateTimeOffset LastSeen { get; set; } = attachedAt;

    /// <summary>When its key was last confirmed with the portal (at attach, then now and then at a renewal).</summary>
    public DateTimeOffset KeyCheckedAt { get; set; } = attachedAt;

    public AttachedStreamPhase Phase { get; private set; } = phase;

    /// <summary>Restored after the link was reactivated: given one lease from <paramref name="now"/> to attach again.</summary>
    public static AttachedStream Restored(PbxStreamRecord record, DateTimeOffset now) =>
        new(record.ConnectionId, record.KeyId, record.Observer, record.AttachedAt, AttachedStreamPhase.MustReattach) { LastSeen = now };

    public PbxStreamRecord ToRecord() => new(ConnectionId, KeyId, Observer, AttachedAt);

    /// <summary>Its key was confirmed: it gets commands from now on.</summary>
    public void Verified()
    {
        if (Phase == AttachedStreamPhase.Verifying)
        {
            Phase = AttachedStreamPhase.Live;
        }
    }

    /// <summary>A delivery failed: no more commands until it attaches again (its silo may be gone).</summary>
    public void DeliveryFailed() => Phase = AttachedStreamPhase.MustReattach;

    /// <summary>Queues a delivery after the previous ones; <paramref name="onFailure"/> runs if it fails.</summary>
    public void Deliver(PbxCommandEnvelope command, Action<Exception> onFailure) =>
        _tail = DeliverAfterAsync(_tail, command, onFailure);

    private async Task DeliverAfterAsync(Task previous, PbxCommandEnvelope command, Action<Exception> onFailure)
    {
        await previous;
        try
        {
            await Observer.DeliverAsync(command);
        }
        catch (Exception ex)
        {
            onFailure(ex);
        }
    }
}
