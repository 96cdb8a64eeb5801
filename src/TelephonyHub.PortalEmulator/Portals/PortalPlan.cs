namespace TelephonyHub.PortalEmulator.Portals;

/// <summary>The portal's licence family; it decides the default leaky-bucket limits (reference §2.1).</summary>
public enum PortalPlan
{
    /// <summary>Any non-Enterprise plan: bucket of 50 requests draining 2 per second.</summary>
    Ordinary,

    /// <summary>Enterprise plan: bucket of 250 requests draining 5 per second.</summary>
    Enterprise,
}
