namespace TelephonyHub.Abstractions.Pbx;

/// <summary>End a call.</summary>
[GenerateSerializer, Immutable, Alias("pbx-hang-up-v1")]
public sealed record HangUpCallCommand(
    [property: Id(0)] string PbxCallId,
    [property: Id(1)] string Reason) : PbxCommand;
