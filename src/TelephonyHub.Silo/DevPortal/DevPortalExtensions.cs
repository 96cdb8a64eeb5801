namespace TelephonyHub.Silo.DevPortal;

public static class DevPortalExtensions
{
    public static IServiceCollection AddDevPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DevPortalOptions>().BindConfiguration("DevPortal").ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetValue<bool>("DevPortal:Enabled"))
        {
            services.AddHostedService<DevPortalHost>();
        }

        return services;
    }
}
