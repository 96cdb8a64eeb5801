namespace TelephonyHub.Abstractions.Queues;

/// <summary>The answer to saving a queue: saved, or every reason it was refused (nothing saved then).</summary>
[GenerateSerializer, Immutable, Alias("queue-save-result-v1")]
public sealed record QueueSaveResult([property: Id(0)] ImmutableArray<string> Errors)
{
    public static QueueSaveResult Saved { get; } = new([]);

    public bool IsSaved => Errors.IsEmpty;
}
