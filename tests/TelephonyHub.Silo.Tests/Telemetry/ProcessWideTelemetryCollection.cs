namespace TelephonyHub.Silo.Tests.Telemetry;

/// <summary>
/// Tests that listen to process-wide telemetry (meters, activity sources) see every hub in the test process, so they
/// run alone, not beside other test classes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTelemetryCollection
{
    public const string Name = "Process-wide telemetry";
}
