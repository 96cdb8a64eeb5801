using Microsoft.Extensions.Options;
using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Silo.Hosting;
using TelephonyHub.Silo.Telemetry;

namespace TelephonyHub.Silo.Bitrix24Events;

/// <summary>
/// The installer page (reference §3.2 flow B): Bitrix24 opens it in the installing admin's frame. It installs the
/// portal the way ONAPPINSTALL does, then finishes the install in the Bitrix24 UI. A failed install shows why and
/// does not call <c>installFinish</c>, so the app stays "not installed" and the admin can retry.
/// </summary>
public sealed class InstallerPageHandler(PortalInstaller installer, IOptions<HubOptions> options, HubMetrics metrics)
{
    public async Task<IResult> OpenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await FormBody.ReadAsync(request, cancellationToken);
        var frame = Bitrix24FrameRequestParser.Parse(request.QueryString.Value, body);
        if (!frame.IsSuccess)
        {
            return Html(InstallerPageRenderer.Failed($"Install TelephonyHub from inside Bitrix24 ({frame.Error})."), StatusCodes.Status400BadRequest);
        }

        var handler = options.Value.EventHandlerUrl(request);
        var result = await installer.InstallAsync(frame.Value!, handler, cancellationToken);
        metrics.Bitrix24EventReceived("INSTALLER_PAGE", result.ToString());
        return result switch
        {
            InstallResult.Installed => Html(InstallerPageRenderer.Installed(frame.Value!.Domain, options.Value.Bitrix24JsLibraryUrl), StatusCodes.Status200OK),
            InstallResult.NotAdmin => Html(InstallerPageRenderer.Failed("Only an administrator of this portal can install TelephonyHub."), StatusCodes.Status403Forbidden),
            InstallResult.TryLater => Html(InstallerPageRenderer.Failed("Bitrix24 could not be reached to confirm the install. Please try again in a minute."), StatusCodes.Status503ServiceUnavailable),
            _ => Html(InstallerPageRenderer.Failed("Bitrix24 did not confirm this install. Start it again from Bitrix24."), StatusCodes.Status401Unauthorized),
        };
    }

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
