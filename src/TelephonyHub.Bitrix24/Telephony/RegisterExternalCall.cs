using TelephonyHub.Bitrix24.Phones;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>
/// <c>telephony.externalcall.register</c> (reference §5.1): registers a call and optionally shows its card to
/// <see cref="UserId"/>. Bitrix24 de-duplicates active calls of the last 30 minutes by user, number, type, line and
/// <c>EXTERNAL_CALL_ID</c>, so every physical call leg must carry its own <see cref="ExternalCallId"/>.
/// </summary>
/// <param name="UserId">The Bitrix24 user the call belongs to (<c>USER_ID</c>).</param>
/// <param name="PhoneNumber">The customer's number (<c>PHONE_NUMBER</c>), ideally E.164 from <c>PhoneNumberNormalizer</c>.</param>
/// <param name="Type">The call type (<c>TYPE</c>).</param>
/// <param name="CallStartDate">When the call started (<c>CALL_START_DATE</c>, ISO-8601 with offset).</param>
/// <param name="ExternalCallId">The PBX's unique id of this call leg (<c>EXTERNAL_CALL_ID</c>); required, non-blank.</param>
/// <param name="Show">Show the card right away (<c>SHOW=1</c>) or not (<c>SHOW=0</c>, e.g. outage replay or CRM lookup).</param>
/// <param name="LineNumber">The external line (<c>LINE_NUMBER</c>); unknown numbers are auto-created as lines.</param>
/// <param name="CrmCreate">Create a lead when nothing matches (<c>CRM_CREATE</c>); null leaves the portal's default (0).</param>
/// <param name="CrmSource">The lead source <c>STATUS_ID</c> (<c>CRM_SOURCE</c>).</param>
/// <param name="CrmEntityType">Force the CRM binding: <c>CONTACT</c>, <c>COMPANY</c>, <c>LEAD</c> (<c>CRM_ENTITY_TYPE</c>).</param>
/// <param name="CrmEntityId">The id of that entity (<c>CRM_ENTITY_ID</c>).</param>
/// <param name="CallListId">The CRM call list (<c>CALL_LIST_ID</c>).</param>
[GenerateSerializer, Immutable, Alias("b24-register-external-call-v1")]
public sealed record RegisterExternalCall(
    [property: Id(0)] long UserId,
    [property: Id(1)] string PhoneNumber,
    [property: Id(2)] ExternalCallType Type,
    [property: Id(3)] DateTimeOffset CallStartDate,
    string ExternalCallId,
    [property: Id(5)] bool Show,
    [property: Id(6)] string? LineNumber = null,
    [property: Id(7)] bool? CrmCreate = null,
    [property: Id(8)] string? CrmSource = null,
    [property: Id(9)] string? CrmEntityType = null,
    [property: Id(10)] long? CrmEntityId = null,
    [property: Id(11)] long? CallListId = null) : Bitrix24Request<RegisterExternalCallResult>
{
    /// <summary>The PBX's unique id of this call leg (<c>EXTERNAL_CALL_ID</c>); never blank.</summary>
    [Id(4)]
    public string ExternalCallId { get; init; } = string.IsNullOrWhiteSpace(ExternalCallId)
        ? throw new ArgumentException("EXTERNAL_CALL_ID is required: without it two calls from one number share a CALL_ID.", nameof(ExternalCallId))
        : ExternalCallId;

    /// <inheritdoc />
    public override string Method => "telephony.externalcall.register";

    /// <summary>Renders with the customer number masked, so the request can be logged.</summary>
    public override string ToString() =>
        $"RegisterExternalCall {{ UserId = {UserId}, PhoneNumber = {PhoneNumberMask.Mask(PhoneNumber)}, Type = {Type}, ExternalCallId = {ExternalCallId}, Show = {Show}, LineNumber = {LineNumber} }}";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => parameters
        .Add("USER_ID", UserId)
        .Add("PHONE_NUMBER", PhoneNumber)
        .Add("TYPE", (long)Type)
        .Add("CALL_START_DATE", CallStartDate)
        .AddOneZero("CRM_CREATE", CrmCreate)
        .Add("CRM_SOURCE", CrmSource)
        .Add("CRM_ENTITY_TYPE", CrmEntityType)
        .Add("CRM_ENTITY_ID", CrmEntityId)
        .AddOneZero("SHOW", Show)
        .Add("CALL_LIST_ID", CallListId)
        .Add("LINE_NUMBER", LineNumber)
        .Add("EXTERNAL_CALL_ID", ExternalCallId);

    /// <inheritdoc />
    public override RegisterExternalCallResult ParseResult(Bitrix24RawResult raw) => RegisterExternalCallResult.Parse(raw.Result);
}
