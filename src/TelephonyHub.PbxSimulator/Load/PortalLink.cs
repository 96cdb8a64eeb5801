using TelephonyHub.PbxSimulator.Client;
using TelephonyHub.PbxSimulator.Commands;

namespace TelephonyHub.PbxSimulator.Load;

/// <summary>One portal's stream in a load run and the player answering its commands.</summary>
public sealed record PortalLink(PbxConnection Connection, PbxCommandPlayer Player);
