using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace TelephonyHub.Grains.Portals;

/// <summary>
/// Encrypts a portal's OAuth tokens for storage with ASP.NET Core Data Protection. The key ring is shared by all
/// silos (the host keeps it in the database), so any silo can decrypt what another stored.
/// </summary>
public sealed class PortalTokenProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("TelephonyHub.Portals.Tokens.v1");

    public string Protect(PortalTokens tokens) => _protector.Protect(JsonSerializer.Serialize(tokens));

    public PortalTokens Unprotect(string protectedTokens) =>
        JsonSerializer.Deserialize<PortalTokens>(_protector.Unprotect(protectedTokens))
        ?? throw new InvalidOperationException("Stored tokens are empty.");
}
