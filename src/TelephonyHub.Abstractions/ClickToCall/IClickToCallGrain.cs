namespace TelephonyHub.Abstractions.ClickToCall;

/// <summary>
/// One call the CRM asked for (key: <see cref="ClickKey.For"/>), from the event to the PBX call it became: registers it
/// in Bitrix24 when the portal did not, sends the PBX an originate command and hands the Bitrix24 call to the PBX call
/// that answers the command. When the call cannot be placed (PBX offline, no extension, refused, no answer) it
/// finishes the Bitrix24 call at once with a status code and a reason, so no card is left hanging.
/// </summary>
public interface IClickToCallGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes the request and returns at once; the call is placed after this returns. A second delivery of the same
    /// event (same key) is a <see cref="ClickAcceptance.Duplicate"/> and changes nothing.
    /// </summary>
    Task<ClickAcceptance> AcceptAsync(DialRequest request);

    /// <summary>
    /// The PBX reported the call it originated for this click (<c>CallStarted.originate_request_id</c>): returns the
    /// Bitrix24 call it belongs to, or null when the click already ended (failed, or linked to another PBX call).
    /// Asking again for the same PBX call returns the same link.
    /// </summary>
    /// <param name="callKey">The key of the PBX call's grain.</param>
    Task<ClickToCallLink?> LinkAsync(string callKey);

    /// <summary>Continues the work after <see cref="AcceptAsync"/> returned. Called by the grain itself.</summary>
    [OneWay]
    Task ProceedAsync();
}
