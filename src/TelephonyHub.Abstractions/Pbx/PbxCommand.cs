namespace TelephonyHub.Abstractions.Pbx;

/// <summary>Something the hub asks a PBX to do (see <c>PbxCommand</c> in protos/pbx/v1/pbx_gateway.proto).</summary>
[GenerateSerializer, Immutable]
public abstract record PbxCommand;
