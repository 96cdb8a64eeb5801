using System.Collections.Immutable;
using System.Globalization;

namespace TelephonyHub.PbxSimulator.Load;

/// <summary>How often each kind of call happens, as relative weights.</summary>
public sealed record CallMix(ImmutableDictionary<CallKind, double> Weights)
{
    /// <summary>
    /// A working day's mix: mostly direct and queued inbound calls, some missed, outbound and known callers, a few
    /// transfers and late recordings. (Click-to-call answers come on top, from the hub's originate commands.)
    /// </summary>
    public static CallMix Realistic { get; } = new(new Dictionary<CallKind, double>
    {
        [CallKind.Direct] = 30,
        [CallKind.Queued] = 20,
        [CallKind.KnownCaller] = 10,
        [CallKind.Missed] = 10,
        [CallKind.Outbound] = 15,
        [CallKind.Transfer] = 5,
        [CallKind.LateRecording] = 10,
    }.ToImmutableDictionary());

    public static CallMix Only(CallKind kind) => new(ImmutableDictionary<CallKind, double>.Empty.Add(kind, 1));

    /// <summary>Parses <c>direct=50,queued=20,missed=10</c> (names of <see cref="CallKind"/>, any case; dashes allowed).</summary>
    public static CallMix Parse(string text) => new(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => part.Split('=', 2))
        .ToImmutableDictionary(
            p => Enum.Parse<CallKind>(p[0].Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
            p => double.Parse(p[1], CultureInfo.InvariantCulture)));

    /// <summary>Draws a kind with probability proportional to its weight.</summary>
    public CallKind Draw(Random random)
    {
        var total = Weights.Values.Where(w => w > 0).Sum();
        if (total <= 0)
        {
            throw new InvalidOperationException("The call mix has no positive weight.");
        }

        var pick = random.NextDouble() * total;
        foreach (var (kind, weight) in Weights.Where(w => w.Value > 0).OrderBy(w => w.Key))
        {
            if (pick < weight)
            {
                return kind;
            }

            pick -= weight;
        }

        return Weights.Where(w => w.Value > 0).Max(w => w.Key);
    }

    public override string ToString() => string.Join(", ", Weights.Where(w => w.Value > 0).OrderBy(w => w.Key).Select(w => $"{w.Key}={w.Value:0.##}"));
}
