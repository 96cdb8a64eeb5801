using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Events;

/// <summary><c>event.get</c> (reference §4.6): the handlers this app has bound.</summary>
[GenerateSerializer, Immutable, Alias("b24-get-event-bindings-v1")]
public sealed record GetEventBindings : Bitrix24Request<ImmutableArray<EventBinding>>
{
    /// <inheritdoc />
    public override string Method => "event.get";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters)
    {
        // No parameters: the portal lists the calling application's handlers.
    }

    /// <inheritdoc />
    public override ImmutableArray<EventBinding> ParseResult(Bitrix24RawResult raw) =>
        [.. raw.Result.Entries()
            .Where(e => e.Value.ValueKind == JsonValueKind.Object)
            .Select(e => new EventBinding(
                e.Value.RequiredText("event"),
                e.Value.RequiredText("handler"),
                e.Value.Long("auth_type") is { } user and > 0 ? user : null,
                e.Value.Bool("offline") ?? false))];
}
