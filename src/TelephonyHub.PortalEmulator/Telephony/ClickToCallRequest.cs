namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>A user clicks a phone number in the CRM (design scenario 4, reference §4.5 ONEXTERNALCALLSTART).</summary>
/// <param name="UserId">The clicking user.</param>
/// <param name="PhoneNumber">The number clicked, as shown in the CRM.</param>
public sealed record ClickToCallRequest(int UserId, string PhoneNumber)
{
    /// <summary>CRM call list the click came from; null: none (<c>CALL_LIST_ID</c> = 0).</summary>
    public int? CallListId { get; init; }

    /// <summary>The app line used as outgoing line; null: the app's generic line (<c>LINE_NUMBER</c> = "").</summary>
    public string? LineNumber { get; init; }

    /// <summary>The app to call through when no line is given; null: the only app bound to ONEXTERNALCALLSTART.</summary>
    public string? ClientId { get; init; }

    /// <summary>Leave <c>CALL_ID</c> out of the event, as older portals did.</summary>
    public bool OmitCallId { get; init; }

    /// <summary>Started from the mobile app (<c>IS_MOBILE</c> = 1).</summary>
    public bool IsMobile { get; init; }

    /// <summary>The portal's UI opens the call card for the clicking user (reference open question 8); default true.</summary>
    public bool ShowCard { get; init; } = true;
}
