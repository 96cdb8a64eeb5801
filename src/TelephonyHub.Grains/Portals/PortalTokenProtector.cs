using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Portals;

/// <summary>
/// Encrypts a portal's OAuth tokens for storage with ASP.NET Core Data Protection. The key ring is shared by all
/// silos (the host stores it in the database), so any silo can decrypt what another stored.
/// </summary>
public sealed class PortalTokenProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("TelephonyHub.Portals.Tokens.v1");

    public string Protect(Bitrix24Tokens tokens) =>
        _protector.Protect(JsonSerializer.Serialize(new StoredTokens(tokens.AccessToken, tokens.RefreshToken, tokens.AccessTokenExpiresAt)));

    public Bitrix24Tokens Unprotect(string protectedTokens)
    {
        var stored = JsonSerializer.Deserialize<StoredTokens>(_protector.Unprotect(protectedTokens))
            ?? throw new InvalidOperationException("Stored tokens are empty.");
        return new Bitrix24Tokens(stored.AccessToken, stored.RefreshToken, stored.ExpiresAt);
    }

    private sealed record StoredTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);
}
