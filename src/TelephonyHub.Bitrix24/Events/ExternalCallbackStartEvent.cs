using TelephonyHub.Bitrix24.Phones;

namespace TelephonyHub.Bitrix24.Events;

/// <summary>
/// <c>ONEXTERNALCALLBACKSTART</c> (reference §4.5): a visitor asked for a callback through a CRM form on this app's
/// line. No call is registered yet: the hub rings the agent and registers the call itself (<c>TYPE=4</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-external-callback-start-event-v1")]
public sealed record ExternalCallbackStartEvent
{
    /// <summary><c>PHONE_NUMBER</c> to call back.</summary>
    [Id(0)] public required string PhoneNumber { get; init; }

    /// <summary><c>TEXT</c> to speak to the employee before connecting.</summary>
    [Id(1)] public string? Text { get; init; }

    /// <summary><c>VOICE</c>: the text-to-speech voice id.</summary>
    [Id(2)] public string? Voice { get; init; }

    /// <summary><c>CRM_ENTITY_TYPE</c>, null when none.</summary>
    [Id(3)] public string? CrmEntityType { get; init; }

    /// <summary><c>CRM_ENTITY_ID</c>, null when none.</summary>
    [Id(4)] public long? CrmEntityId { get; init; }

    /// <summary><c>LINE_NUMBER</c> the form is bound to.</summary>
    [Id(5)] public string? LineNumber { get; init; }

    /// <summary>The event's <c>auth</c> block.</summary>
    [Id(6)] public required Bitrix24EventAuth Auth { get; init; }

    /// <summary>Renders with the number masked and without tokens, so the event can be logged.</summary>
    public override string ToString() =>
        $"ExternalCallbackStartEvent {{ PhoneNumber = {PhoneNumberMask.Mask(PhoneNumber)}, LineNumber = {LineNumber}, Auth = {Auth} }}";

    /// <summary>The typed view of <paramref name="evt"/>, or the field that is missing or malformed.</summary>
    public static Bitrix24ParseResult<ExternalCallbackStartEvent> From(Bitrix24Event evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (EventDataReader.CheckCode(evt, Bitrix24EventCodes.ExternalCallbackStart) is { } wrongCode)
        {
            return Bitrix24ParseResult<ExternalCallbackStartEvent>.Failure(wrongCode);
        }

        var data = new EventDataReader(evt);
        var parsed = new ExternalCallbackStartEvent
        {
            PhoneNumber = data.RequiredText("PHONE_NUMBER"),
            Text = data.OptionalText("TEXT"),
            Voice = data.OptionalText("VOICE"),
            CrmEntityType = data.OptionalText("CRM_ENTITY_TYPE"),
            CrmEntityId = data.OptionalId("CRM_ENTITY_ID"),
            LineNumber = data.OptionalText("LINE_NUMBER"),
            Auth = evt.Auth,
        };
        return data.Error is { } error
            ? Bitrix24ParseResult<ExternalCallbackStartEvent>.Failure(error)
            : Bitrix24ParseResult<ExternalCallbackStartEvent>.Success(parsed);
    }
}
