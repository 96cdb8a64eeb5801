using TelephonyHub.Silo.Bitrix24Events;

namespace TelephonyHub.Silo.Settings;

/// <summary>Registers and maps the settings page opened inside Bitrix24.</summary>
public static class SettingsPageEndpoints
{
    public const string IssueKeyPath = Bitrix24Paths.App + "/keys";
    public const string RevokeKeyPath = Bitrix24Paths.App + "/keys/revoke";
    public const string ExtensionsPath = Bitrix24Paths.App + "/extensions";
    public const string CallHandlingPath = Bitrix24Paths.App + "/call-handling";

    public static IServiceCollection AddSettingsPage(this IServiceCollection services)
    {
        services.AddSingleton<FrameAuthenticator>();
        services.AddSingleton<SettingsSessionTokens>();
        services.AddSingleton<SettingsPageHandler>();
        return services.AddQueueSettings().AddCrmRoutingSettings();
    }

    public static IEndpointRouteBuilder MapSettingsPage(this IEndpointRouteBuilder endpoints)
    {
        // The forms carry their own anti-forgery token (SettingsSessionTokens): cookies do not work in Bitrix24's iframe.
        endpoints.MapPost(Bitrix24Paths.App, (HttpRequest request, SettingsPageHandler page, CancellationToken ct) => page.OpenAsync(request, ct))
            .DisableAntiforgery();
        endpoints.MapPost(IssueKeyPath, (HttpRequest request, SettingsPageHandler page) => page.IssueKeyAsync(request))
            .DisableAntiforgery();
        endpoints.MapPost(RevokeKeyPath, (HttpRequest request, SettingsPageHandler page) => page.RevokeKeyAsync(request))
            .DisableAntiforgery();
        endpoints.MapPost(ExtensionsPath, (HttpRequest request, SettingsPageHandler page) => page.SetExtensionAsync(request))
            .DisableAntiforgery();
        endpoints.MapPost(CallHandlingPath, (HttpRequest request, SettingsPageHandler page) => page.UpdateCallHandlingAsync(request))
            .DisableAntiforgery();
        return endpoints.MapQueueSettings().MapCrmRoutingSettings();
    }
}
