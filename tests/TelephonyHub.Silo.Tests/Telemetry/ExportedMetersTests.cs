using System.Reflection;
using TelephonyHub.Grains;
using TelephonyHub.Silo.Telemetry;

namespace TelephonyHub.Silo.Tests.Telemetry;

/// <summary>An operator's collector receives every meter the hub defines, not just the ones someone remembered to list.</summary>
public sealed class ExportedMetersTests
{
    [Fact]
    public void EveryMeterOfTheHub_IsExported()
    {
        var defined = new[] { typeof(PerCallStates).Assembly, typeof(HubTelemetryExtensions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => type.GetField("MeterName", BindingFlags.Public | BindingFlags.Static))
            .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string))
            .Select(field => (string)field!.GetRawConstantValue()!)
            .ToHashSet();

        Assert.Contains("TelephonyHub.Recordings", defined);
        Assert.Contains("TelephonyHub.Storage", defined);
        Assert.Subset(HubTelemetryExtensions.ExportedMeters.ToHashSet(), defined);
    }
}
