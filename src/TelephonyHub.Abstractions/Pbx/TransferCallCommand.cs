namespace TelephonyHub.Abstractions.Pbx;

/// <summary>Transfer a call to an extension (e.g. the CRM's responsible manager).</summary>
[GenerateSerializer, Immutable, Alias("pbx-transfer-v1")]
public sealed record TransferCallCommand(
    [property: Id(0)] string PbxCallId,
    [property: Id(1)] string Extension) : PbxCommand;
