namespace TelephonyHub.Grains.Calls;

/// <summary>What the call grain looked up before deciding how a new call starts.</summary>
/// <param name="ExternalCallId">Our unique id of the physical call, sent as <c>EXTERNAL_CALL_ID</c>.</param>
/// <param name="CustomerNumber">The customer's number, normalised (E.164 where possible).</param>
/// <param name="ExtensionUserId">The Bitrix24 user owning the event's extension, if the extension is known.</param>
/// <param name="Policy">The portal's settings for this call.</param>
public sealed record CallStartContext(
    string ExternalCallId,
    string CustomerNumber,
    long? ExtensionUserId,
    CallPolicy Policy);
