namespace TelephonyHub.Silo.Bitrix24Events;

/// <summary>Registers and maps the HTTP gateway Bitrix24 talks to.</summary>
public static class Bitrix24EventEndpoints
{
    public static IServiceCollection AddBitrix24Gateway(this IServiceCollection services)
    {
        services.AddSingleton<PortalInstaller>();
        services.AddSingleton<Bitrix24EventHandler>();
        services.AddSingleton<InstallerPageHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapBitrix24Events(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Bitrix24Paths.Install, (HttpRequest request, Bitrix24EventHandler handler, CancellationToken ct) =>
            handler.InstallAsync(request, ct)).DisableAntiforgery();
        endpoints.MapPost(Bitrix24Paths.Installer, (HttpRequest request, InstallerPageHandler installer, CancellationToken ct) =>
            installer.OpenAsync(request, ct)).DisableAntiforgery();
        endpoints.MapPost(Bitrix24Paths.Events, (HttpRequest request, Bitrix24EventHandler handler, CancellationToken ct) =>
            handler.EventAsync(request, ct)).DisableAntiforgery();
        return endpoints;
    }
}
