namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Something a transition asks the world to do. Effects carry a deterministic id (derived from the event or timer
/// that caused them) so that performing one twice — after a crash, from the outbox — is harmless at the receiver.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record CallEffect
{
    [Id(0)] public required string EffectId { get; init; }
}
