using System.ComponentModel.DataAnnotations;
using TelephonyHub.Bitrix24;
using TelephonyHub.Silo.Bitrix24Events;

namespace TelephonyHub.Silo.Hosting;

/// <summary>How the hub presents itself to Bitrix24. Section <c>Hub</c>.</summary>
public sealed class HubOptions
{
    /// <summary>
    /// The hub's public base URL as portals reach it (e.g. <c>https://hub.example.com/</c>), used for the event handler
    /// URL bound at install. Empty: taken from the install request itself (fine without a reverse proxy).
    /// </summary>
    [AbsoluteHttpUrl]
    public Uri? PublicUrl { get; set; }

    /// <summary>
    /// Bitrix24's JS library, loaded by the installer page to call <c>BX24.installFinish()</c> (reference §3.2 flow B).
    /// The development portal emulator serves its own at <c>/api/v1/</c>.
    /// </summary>
    [Required]
    [AbsoluteHttpUrl]
    public Uri Bitrix24JsLibraryUrl { get; set; } = new("https://api.bitrix24.com/api/v1/");

    /// <summary>The URL Bitrix24 sends the portal's events to: under <see cref="PublicUrl"/>, else the request's own host.</summary>
    public Uri EventHandlerUrl(HttpRequest request) =>
        BaseUrls.Combine(PublicUrl ?? new Uri($"{request.Scheme}://{request.Host}/"), Bitrix24Paths.Events);
}
