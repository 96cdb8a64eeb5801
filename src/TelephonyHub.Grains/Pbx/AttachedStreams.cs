namespace TelephonyHub.Grains.Pbx;

/// <summary>
/// The streams a portal's link knows of. Two questions, two answers: who gets the next command (the newest live
/// stream within its lease), and who is closed when a key is revoked (every listed stream, whatever its phase). The
/// list is stored as <see cref="Records"/>, so a link reactivated elsewhere still reaches the streams opened before.
/// </summary>
internal sealed class AttachedStreams(TimeSpan lease)
{
    private readonly List<AttachedStream> _streams = [];

    /// <summary>The streams stored before the link was reactivated: closable, and told to attach again when they renew.</summary>
    public void Restore(IEnumerable<PbxStreamRecord> records, DateTimeOffset now) =>
        _streams.AddRange(records.Select(r => AttachedStream.Restored(r, now)));

    /// <summary>Lists a stream that is attaching (replacing an earlier entry of the same connection) while its key is checked.</summary>
    public AttachedStream Begin(string connectionId, string keyId, IPbxCommandObserver observer, DateTimeOffset now)
    {
        var stream = new AttachedStream(connectionId, keyId, observer, now, AttachedStreamPhase.Verifying);
        _streams.RemoveAll(s => s.ConnectionId == connectionId);
        _streams.Add(stream);
        return stream;
    }

    public AttachedStream? Find(string connectionId) => _streams.Find(s => s.ConnectionId == connectionId);

    public bool Contains(AttachedStream stream) => _streams.Contains(stream);

    public bool Remove(AttachedStream stream) => _streams.Remove(stream);

    public bool Remove(string connectionId) => _streams.RemoveAll(s => s.ConnectionId == connectionId) > 0;

    /// <summary>Removes and returns the streams opened with <paramref name="keyId"/> (all streams for null), in any phase.</summary>
    public ImmutableArray<AttachedStream> TakeAll(string? keyId)
    {
        var taken = _streams.Where(s => keyId is null || s.KeyId == keyId).ToImmutableArray();
        _streams.RemoveAll(taken.Contains);
        return taken;
    }

    /// <summary>Live and renewed within the lease: commands may go to it.</summary>
    public bool IsLive(AttachedStream stream, DateTimeOffset now) =>
        stream.Phase == AttachedStreamPhase.Live && now - stream.LastSeen < lease;

    public AttachedStream? NewestLive(DateTimeOffset now) =>
        _streams.Where(s => IsLive(s, now)).OrderByDescending(s => s.AttachedAt).FirstOrDefault();

    public int CountLive(DateTimeOffset now) => _streams.Count(s => IsLive(s, now));

    /// <summary>
    /// Forgets streams not heard from for a whole lease (their silo died before they could detach): one still open
    /// finds itself lost at its next renewal and attaches again, its key checked.
    /// </summary>
    public void ForgetExpired(DateTimeOffset now) => _streams.RemoveAll(s => now - s.LastSeen >= lease);

    public ImmutableArray<PbxStreamRecord> Records() => [.. _streams.Select(s => s.ToRecord())];
}
