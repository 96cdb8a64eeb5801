using Microsoft.Extensions.Options;

namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// The silo's bound on PBX events in progress (<see cref="PbxGatewayOptions.MaxEventsInFlight"/>). Overload is refused
/// at the door, where it is cheap: a new call while the silo is full, any event at twice that. Everything taken is
/// applied; nothing is dropped after it was taken.
/// </summary>
public sealed class PbxEventAdmission(IOptions<PbxGatewayOptions> options)
{
    private int _inFlight;

    /// <summary>Events taken and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Takes an event if there is room: the caller must <see cref="Leave"/> once it is answered.</summary>
    /// <param name="startsCall">True for an event that starts a call (new work), false for one of a call under way.</param>
    public bool TryEnter(bool startsCall)
    {
        var limit = startsCall ? options.Value.MaxEventsInFlight : 2 * options.Value.MaxEventsInFlight;
        if (Interlocked.Increment(ref _inFlight) <= limit)
        {
            return true;
        }

        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    public void Leave() => Interlocked.Decrement(ref _inFlight);
}
