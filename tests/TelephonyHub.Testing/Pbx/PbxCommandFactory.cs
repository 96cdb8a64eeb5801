using TelephonyHub.Abstractions.Pbx;

namespace TelephonyHub.Testing.Pbx;

/// <summary>
/// Builds commands the way the hub's grains would, to put on a portal's link directly (wiring tests of delivery):
/// five minutes to live, times from the test's clock.
/// </summary>
public sealed class PbxCommandFactory(TimeProvider time)
{
    public PbxCommandEnvelope Transfer(string requestId, string callId, string extension) => new()
    {
        RequestId = requestId,
        IssuedAt = time.GetUtcNow(),
        ExpiresAt = time.GetUtcNow().AddMinutes(5),
        Command = new TransferCallCommand(callId, extension),
    };
}
