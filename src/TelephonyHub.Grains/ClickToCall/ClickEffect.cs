namespace TelephonyHub.Grains.ClickToCall;

/// <summary>
/// Something a click's transition asks the world to do. Each kind happens at most once per click, so its id is fixed
/// and performing it twice (an outbox replayed after a crash) is harmless at the receiver.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record ClickEffect
{
    [Id(0)] public required string EffectId { get; init; }
}
