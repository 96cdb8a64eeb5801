using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>A portal in admin listings, with the URLs a test or app needs.</summary>
/// <param name="MemberId">Portal id.</param>
/// <param name="Domain">Portal host.</param>
/// <param name="Plan">Licence family.</param>
/// <param name="Active">False: deleted/blocked.</param>
/// <param name="ClientEndpoint"><c>{BaseUri}portals/{domain}/rest/</c>.</param>
/// <param name="PageUrl">The live page.</param>
public sealed record PortalSummary(string MemberId, string Domain, PortalPlan Plan, bool Active, Uri ClientEndpoint, Uri PageUrl);
