namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>Body of an admin API error.</summary>
/// <param name="Error">What is wrong.</param>
public sealed record AdminError(string Error);
