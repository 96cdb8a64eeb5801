namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>A visitor fills a CRM callback form (reference §4.5 ONEXTERNALCALLBACKSTART).</summary>
/// <param name="PhoneNumber">Number to call back.</param>
public sealed record CallbackRequest(string PhoneNumber)
{
    /// <summary>Text to speak to the employee before connecting.</summary>
    public string Text { get; init; } = "";

    /// <summary>TTS voice id.</summary>
    public string Voice { get; init; } = "ruinternalfemale";

    /// <summary>Linked CRM type (LEAD, CONTACT…), or null.</summary>
    public string? CrmEntityType { get; init; }

    /// <summary>Linked CRM id, 0 when none.</summary>
    public int CrmEntityId { get; init; }

    /// <summary>The app line the form is bound to; null: the generic app line.</summary>
    public string? LineNumber { get; init; }

    /// <summary>The app when no line is given; null: the only app bound to ONEXTERNALCALLBACKSTART.</summary>
    public string? ClientId { get; init; }
}
