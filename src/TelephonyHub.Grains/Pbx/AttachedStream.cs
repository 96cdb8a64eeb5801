namespace TelephonyHub.Grains.Pbx;

/// <summary>
/// One PBX stream attached to the link. Deliveries to it are chained so the PBX receives commands in the order
/// they were sent, without the link waiting for the stream's silo inside a grain turn.
/// </summary>
internal sealed class AttachedStream(string connectionId, string keyId, IPbxCommandObserver observer, DateTimeOffset attachedAt)
{
    private Task _tail = Task.CompletedTask;

    public string ConnectionId { get; } = connectionId;

    /// <summary>The API key the stream authenticated with.</summary>
    public string KeyId { get; } = keyId;

    public IPbxCommandObserver Observer { get; set; } = observer;

    public DateTimeOffset AttachedAt { get; } = attachedAt;

    public DateTimeOffset LastSeen { get; set; } = attachedAt;

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
