using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.Silo.DevPortal;

/// <summary>
/// The dev portal: the Bitrix24 portal emulator started inside the hub, with the demo seed, and the hub installed
/// on its portals — a complete sandbox from one <c>dotnet run</c>. Section <c>DevPortal</c>; on in Development
/// (appsettings.Development.json), off otherwise. Never for production: its portals are fake.
/// </summary>
public sealed class DevPortalOptions
{
    public bool Enabled { get; set; }

    /// <summary>The emulator's port on 127.0.0.1 (default 5080; <c>Bitrix24:OAuthServerUrl</c> must point at it).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5080;

    /// <summary>The emulator's seed (portals, users, CRM), relative to the hub's folder.</summary>
    [Required]
    public string SeedFile { get; set; } = "seed.demo.json";
}
