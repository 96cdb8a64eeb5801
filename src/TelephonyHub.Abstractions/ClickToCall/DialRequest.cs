namespace TelephonyHub.Abstractions.ClickToCall;

/// <summary>
/// A call the CRM asks the hub to place, as the event handler read it from a verified Bitrix24 event. Carries no
/// tokens: the hub acts with the tokens stored at install (reference §4.2).
/// </summary>
[GenerateSerializer, Immutable, Alias("dial-request-v1")]
public sealed record DialRequest
{
    /// <summary>The click's id within its portal (see <see cref="ClickKey"/>): the same event delivered twice has the same id.</summary>
    [Id(0)] public required string ClickId { get; init; }

    [Id(1)] public required DialKind Kind { get; init; }

    /// <summary>The <c>CALL_ID</c> Bitrix24 registered before sending the event; null from older portals and for callbacks.</summary>
    [Id(2)] public string? Bitrix24CallId { get; init; }

    /// <summary>The user who clicked; null for a callback (the hub chooses an operator).</summary>
    [Id(3)] public long? UserId { get; init; }

    /// <summary>The number as clicked or typed into the form.</summary>
    [Id(4)] public required string PhoneNumber { get; init; }

    /// <summary><c>PHONE_NUMBER_INTERNATIONAL</c> (E.164), when Bitrix24 gave it.</summary>
    [Id(5)] public string? PhoneNumberInternational { get; init; }

    /// <summary>The app's external line the call goes out on; null for the app's generic line.</summary>
    [Id(6)] public string? LineNumber { get; init; }

    /// <summary>The CRM call list the click came from, if any.</summary>
    [Id(7)] public long? CallListId { get; init; }

    /// <summary>The CRM object the call belongs to (<c>CONTACT</c>, <c>LEAD</c>...), if any.</summary>
    [Id(8)] public string? CrmEntityType { get; init; }

    [Id(9)] public long? CrmEntityId { get; init; }

    /// <summary>Callback form: the text to speak to the operator before the customer is dialled (<c>TEXT</c>).</summary>
    [Id(10)] public string? Announcement { get; init; }

    /// <summary>Callback form: the text-to-speech voice for <see cref="Announcement"/> (<c>VOICE</c>).</summary>
    [Id(11)] public string? AnnouncementVoice { get; init; }

    /// <summary>When the hub received the event.</summary>
    [Id(12)] public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Without the number, so the request can be logged.</summary>
    public override string ToString() => $"DialRequest {{ {Kind} {ClickId}, User = {UserId}, Line = {LineNumber}, CallList = {CallListId} }}";
}
