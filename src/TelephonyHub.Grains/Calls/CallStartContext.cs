using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.Phones;

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
    CallPolicy Policy)
{
    /// <summary>The start of <paramref name="started"/> on a portal that has the app installed.</summary>
    /// <param name="externalCallId">The PBX's call id (the call key's second half).</param>
    /// <param name="hubMaxRecordingWait">The hub's ceiling on the wait for a recording (<c>Recordings:MaxRecordingWait</c>).</param>
    public static CallStartContext For(PortalCallContext portal, CallStarted started, string externalCallId, TimeSpan hubMaxRecordingWait)
    {
        var policy = new CallPolicy
        {
            AddToChat = portal.AddToChat,
            // The portal's wait, within the hub's ceiling: a forgotten promise must not leave a record open for hours.
            RecordingMaxWait = portal.RecordingMaxWait < hubMaxRecordingWait ? portal.RecordingMaxWait : hubMaxRecordingWait,
            FallbackUserId = portal.FallbackUserId,
            PortalFetchesRecordingUrls = portal.PortalFetchesRecordingUrls,
            CreateLeads = portal.CrmRouting.CreateLeads,
        };
        var customer = PhoneNumberNormalizer.Normalize(started.CustomerNumber, portal.DefaultRegion);
        return new CallStartContext(externalCallId, customer, portal.ExtensionUserId, policy);
    }
}
