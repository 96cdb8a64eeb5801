using System.Globalization;

namespace TelephonyHub.PbxSimulator.Load;

/// <summary>Draws the calls of a load run from its options: kind from the mix, portal uniformly, times from the distributions.</summary>
public sealed class CallPlanner(LoadOptions options, int portals)
{
    private readonly Random _random = new(options.Seed);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private long _sequence;

    public PlannedCall Next()
    {
        // One planner per run, called from the arrival loop only: the Random needs no lock.
        var sequence = ++_sequence;
        var kind = options.Mix.Draw(_random);
        var extensions = options.Extensions;
        var first = _random.Next(extensions.Count);
        var other = extensions.Count > 1 ? (first + 1 + _random.Next(extensions.Count - 1)) % extensions.Count : first;
        var customer = kind == CallKind.KnownCaller && options.KnownCallers.Count > 0
            ? options.KnownCallers[_random.Next(options.KnownCallers.Count)]
            : "+4930" + _random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        return new PlannedCall
        {
            Portal = _random.Next(portals),
            CallId = $"ld-{_run}-{sequence}",
            Kind = kind,
            Customer = customer,
            Extension = extensions[first],
            OtherExtension = extensions[other],
            RingTime = options.RingTime.Draw(_random),
            TalkTime = options.TalkTime.Draw(_random),
            RecordingDelay = options.RecordingDelay.Draw(_random),
        };
    }
}
