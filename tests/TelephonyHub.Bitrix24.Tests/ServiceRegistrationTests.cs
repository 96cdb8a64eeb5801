using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TelephonyHub.Bitrix24.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task Host_WithoutClientCredentials_RefusesToStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Services.AddBitrix24Client();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("ClientId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ClientSecret", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_AreBoundFromTheBitrix24Section_WithReferenceDefaults()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bitrix24:ClientId"] = "local.5c8bb1b0891cf2.87252039",
            ["Bitrix24:ClientSecret"] = "secret",
            ["Bitrix24:RequestTimeout"] = "00:00:30",
        }).Build());
        services.AddBitrix24Client();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<Bitrix24ClientOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal(new Uri("https://oauth.bitrix.info/"), options.OAuthServerUrl);
        Assert.Equal("local.5c8bb1b0891cf2.87252039", options.ClientId);
    }
}
