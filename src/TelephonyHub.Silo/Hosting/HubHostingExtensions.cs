using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Hosting;

/// <summary>The host's own wiring: cluster identity and endpoints, data protection, hub options.</summary>
public static class HubHostingExtensions
{
    /// <summary>
    /// Cluster identity (<c>Orleans:ClusterId</c>, <c>Orleans:ServiceId</c>, both default "telephonyhub"), silo
    /// endpoints (section <c>Orleans:Endpoints</c>: <c>SiloPort</c>, <c>GatewayPort</c>, <c>AdvertisedIPAddress</c>),
    /// and <c>Reminders:MinimumReminderPeriod</c> (tests only).
    /// </summary>
    public static ISiloBuilder UseHubCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Orleans reads Orleans:ClusterId, Orleans:ServiceId and Orleans:Endpoints itself; these are our defaults.
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = configuration["Orleans:ClusterId"] ?? "telephonyhub";
            options.ServiceId = configuration["Orleans:ServiceId"] ?? "telephonyhub";
        });
        var endpoints = configuration.GetSection("Orleans:Endpoints");
        if (endpoints.Exists())
        {
            silo.Configure<EndpointOptions>(options =>
            {
                endpoints.Bind(options);
                if (endpoints["AdvertisedIPAddress"] is { Length: > 0 } address)
                {
                    options.AdvertisedIPAddress = System.Net.IPAddress.Parse(address);
                }
            });
        }

        if (configuration.GetValue<TimeSpan?>("Reminders:MinimumReminderPeriod") is { } minimumReminderPeriod)
        {
            // Tests shorten the wait for reminders; production keeps Orleans' one-minute floor.
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = minimumReminderPeriod);
        }

        silo.AddActivityPropagation();
        return silo;
    }

    /// <summary>Data Protection for portal tokens, its key ring in the hub's database (see <see cref="DatabaseXmlRepository"/>).</summary>
    public static IServiceCollection AddHubDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageOptions.FromConfiguration(configuration);
        var dataProtection = services.AddDataProtection().SetApplicationName("TelephonyHub");
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            // Production: the key ring in the database is itself encrypted with this certificate.
            dataProtection.ProtectKeysWithCertificate(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new DatabaseXmlRepository(storage)));
        return services;
    }

    public static IServiceCollection AddHubOptions(this IServiceCollection services)
    {
        services.AddOptions<HubOptions>().BindConfiguration("Hub").ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
