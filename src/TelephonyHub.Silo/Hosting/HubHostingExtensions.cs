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
    /// Cluster identity (section <c>Orleans:Cluster</c>: <c>ClusterId</c>, <c>ServiceId</c>, both default
    /// "telephonyhub") and silo endpoints (section <c>Orleans:Endpoints</c>: <c>SiloPort</c>, <c>GatewayPort</c>,
    /// <c>AdvertisedIPAddress</c>), bound with Orleans' own option classes.
    /// </summary>
    public static ISiloBuilder UseHubCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = "telephonyhub";
            options.ServiceId = "telephonyhub";
            configuration.GetSection("Orleans:Cluster").Bind(options);
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
        services.AddOptions<HubOptions>().BindConfiguration("Hub");
        return services;
    }
}
