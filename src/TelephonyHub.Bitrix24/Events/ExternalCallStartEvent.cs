using TelephonyHub.Bitrix24.Phones;

namespace TelephonyHub.Bitrix24.Events;

/// <summary>
/// <c>ONEXTERNALCALLSTART</c> (reference §4.5): a user clicked a number in the CRM. Bitrix24 has already registered
/// the call: originate it on the PBX and later <c>finish</c> this <see cref="CallId"/>; never register it again.
/// Older portals (and the seed example of the Bitrix24 docs) send no <c>CALL_ID</c>: the app registers the call itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-external-call-start-event-v1")]
public sealed record ExternalCallStartEvent
{
    /// <summary><c>CALL_ID</c> of the call Bitrix24 registered; null from older portals, which register nothing.</summary>
    [Id(0)] public string? CallId { get; init; }

    /// <summary><c>USER_ID</c>: who clicked.</summary>
    [Id(1)] public required long UserId { get; init; }

    /// <summary><c>PHONE_NUMBER</c> as clicked.</summary>
    [Id(2)] public required string PhoneNumber { get; init; }

    /// <summary><c>PHONE_NUMBER_INTERNATIONAL</c>: the E.164 form.</summary>
    [Id(3)] public string? PhoneNumberInternational { get; init; }

    /// <summary><c>EXTENSION</c> parsed out of the number, often absent.</summary>
    [Id(4)] public string? Extension { get; init; }

    /// <summary><c>CALL_LIST_ID</c>, null unless started from a call list.</summary>
    [Id(5)] public long? CallListId { get; init; }

    /// <summary><c>LINE_NUMBER</c>; null when the generic app line was used.</summary>
    [Id(6)] public string? LineNumber { get; init; }

    /// <summary><c>IS_MOBILE</c>: started from the mobile app.</summary>
    [Id(7)] public bool IsMobile { get; init; }

    /// <summary><c>CRM_ENTITY_TYPE</c>, null when none.</summary>
    [Id(8)] public string? CrmEntityType { get; init; }

    /// <summary><c>CRM_ENTITY_ID</c>, null when none.</summary>
    [Id(9)] public long? CrmEntityId { get; init; }

    /// <summary><c>CRM_CREATED_LEAD</c>, when newer portals report an auto-created lead.</summary>
    [Id(10)] public long? CrmCreatedLead { get; init; }

    /// <summary>The event's <c>auth</c> block.</summary>
    [Id(11)] public required Bitrix24EventAuth Auth { get; init; }

    /// <summary>Renders with the number masked and without tokens, so the event can be logged.</summary>
    public override string ToString() =>
        $"ExternalCallStartEvent {{ CallId = {CallId}, UserId = {UserId}, PhoneNumber = {PhoneNumberMask.Mask(PhoneNumber)}, LineNumber = {LineNumber}, CallListId = {CallListId}, Auth = {Auth} }}";

    /// <summary>The typed view of <paramref name="evt"/>, or the field that is missing or malformed.</summary>
    public static Bitrix24ParseResult<ExternalCallStartEvent> From(Bitrix24Event evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (EventDataReader.CheckCode(evt, Bitrix24EventCodes.ExternalCallStart) is { } wrongCode)
        {
            return Bitrix24ParseResult<ExternalCallStartEvent>.Failure(wrongCode);
        }

        var data = new EventDataReader(evt);
        var parsed = new ExternalCallStartEvent
        {
            CallId = data.OptionalText("CALL_ID"),
            UserId = data.RequiredLong("USER_ID"),
            PhoneNumber = data.RequiredText("PHONE_NUMBER"),
            PhoneNumberInternational = data.OptionalText("PHONE_NUMBER_INTERNATIONAL"),
            Extension = data.OptionalText("EXTENSION"),
            CallListId = data.OptionalId("CALL_LIST_ID"),
            LineNumber = data.OptionalText("LINE_NUMBER"),
            IsMobile = data.OptionalFlag("IS_MOBILE") ?? false,
            CrmEntityType = data.OptionalText("CRM_ENTITY_TYPE"),
            CrmEntityId = data.OptionalId("CRM_ENTITY_ID"),
            CrmCreatedLead = data.OptionalId("CRM_CREATED_LEAD"),
            Auth = evt.Auth,
        };
        return data.Error is { } error
            ? Bitrix24ParseResult<ExternalCallStartEvent>.Failure(error)
            : Bitrix24ParseResult<ExternalCallStartEvent>.Success(parsed);
    }
}
