namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// Keeps a stream's per-call order when events are refused for overload: once an event is refused, later events of
/// its call (or of the extensions, see <see cref="PbxEventOrder"/>) are refused as well until the PBX sends the
/// refused one again, so a PBX that sends without waiting for acknowledgements cannot have a hang-up applied before
/// the start it must resend. Used by the stream's reader only (not thread-safe).
/// </summary>
public sealed class RefusedEventOrder
{
    // A PBX that never resends leaves its entries behind; past this many the oldest order is forgotten rather than
    // growing without end (a later event of such a call is then taken, as before this guard existed).
    private const int Capacity = 4096;

    private readonly Dictionary<string, string> _waitingFor = new(StringComparer.Ordinal);

    /// <summary>True when an earlier event of <paramref name="orderKey"/> was refused and this is not its resend.</summary>
    public bool MustWait(string orderKey, string eventId)
    {
        if (!_waitingFor.TryGetValue(orderKey, out var refused))
        {
            return false;
        }

        if (refused == eventId)
        {
            _waitingFor.Remove(orderKey); // the resend: it may be taken now
            return false;
        }

        return true;
    }

    /// <summary>Remembers that <paramref name="eventId"/> was refused, unless an earlier refused event of its order is awaited.</summary>
    public void Refused(string orderKey, string eventId)
    {
        if (_waitingFor.Count >= Capacity)
        {
            _waitingFor.Clear();
        }

        _waitingFor.TryAdd(orderKey, eventId);
    }
}
