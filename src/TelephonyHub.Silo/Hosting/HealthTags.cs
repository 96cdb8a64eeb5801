namespace TelephonyHub.Silo.Hosting;

/// <summary>Which health probe a check belongs to (also the gRPC health service names, <c>""</c> being ready).</summary>
public static class HealthTags
{
    /// <summary>The silo may take traffic: it is active and its database answers.</summary>
    public const string Ready = "ready";

    /// <summary>The silo process is worth keeping: restarting it would not help.</summary>
    public const string Live = "live";
}
