using TelephonyHub.Silo.Bitrix24Events;

namespace TelephonyHub.Silo.Settings;

/// <summary>The settings page's "Known callers" form (CRM routing, scenario 3).</summary>
public static class CrmRoutingSettingsEndpoints
{
    public const string SavePath = Bitrix24Paths.App + "/crm-routing";

    public static IServiceCollection AddCrmRoutingSettings(this IServiceCollection services) =>
        services.AddSingleton<CrmRoutingSettingsHandler>();

    public static IEndpointRouteBuilder MapCrmRoutingSettings(this IEndpointRouteBuilder endpoints)
    {
        // Authenticated by the page's session token in the form, like the page's other forms.
        endpoints.MapPost(SavePath, (HttpRequest request, CrmRoutingSettingsHandler handler) => handler.SaveAsync(request))
            .DisableAntiforgery();
        return endpoints;
    }
}
