using System.Globalization;

namespace TelephonyHub.PbxSimulator.Load;

/// <summary>
/// A duration drawn at random: ring and talk times. Log-normal by default (call-centre talk times are right-skewed:
/// most calls short, a few long), bounded so one draw never stalls a bounded run.
/// </summary>
public sealed record Distribution
{
    /// <summary>The mean of the draws.</summary>
    public required TimeSpan Mean { get; init; }

    /// <summary>Spread as a coefficient of variation (standard deviation / mean); 0: always the mean.</summary>
    public double Variation { get; init; } = 0.5;

    /// <summary>No draw is longer than this many means.</summary>
    public double CapInMeans { get; init; } = 4;

    public static Distribution Fixed(TimeSpan value) => new() { Mean = value, Variation = 0 };

    /// <summary>Parses <c>2.5</c> (mean seconds, default spread) or <c>2.5:0.3</c> (mean seconds : variation).</summary>
    public static Distribution Parse(string text)
    {
        var parts = text.Split(':');
        var mean = TimeSpan.FromSeconds(double.Parse(parts[0], CultureInfo.InvariantCulture));
        return parts.Length > 1
            ? new Distribution { Mean = mean, Variation = double.Parse(parts[1], CultureInfo.InvariantCulture) }
            : new Distribution { Mean = mean };
    }

    public TimeSpan Draw(Random random)
    {
        if (Variation <= 0 || Mean <= TimeSpan.Zero)
        {
            return Mean;
        }

        // Log-normal with the given mean m and variation v: sigma² = ln(1 + v²), mu = ln(m) - sigma²/2.
        var sigmaSquared = Math.Log(1 + (Variation * Variation));
        var mu = Math.Log(Mean.TotalSeconds) - (sigmaSquared / 2);
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var seconds = Math.Exp(mu + (Math.Sqrt(sigmaSquared) * normal));
        return TimeSpan.FromSeconds(Math.Min(seconds, Mean.TotalSeconds * CapInMeans));
    }

    public override string ToString() => Variation <= 0
        ? $"{Mean.TotalSeconds:0.###} s"
        : $"log-normal mean {Mean.TotalSeconds:0.###} s, cv {Variation:0.##}";
}
