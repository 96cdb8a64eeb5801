using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TelephonyHub.Bitrix24;
using TelephonyHub.Silo.Hosting;

namespace TelephonyHub.Silo.Tests.Hosting;

/// <summary>The hub's public URL: a value that would break every install is refused at start, a path prefix is kept.</summary>
public sealed class HubOptionsTests
{
    [Theory]
    [InlineData("Hub:PublicUrl", "hub.example.com")]
    [InlineData("Hub:PublicUrl", "ftp://hub.example.com/")]
    [InlineData("Hub:Bitrix24JsLibraryUrl", "api.bitrix24.com/api/v1/")]
    public void AUrlWithoutHttpScheme_IsRefused_NamingTheSetting(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options((key, value)));

        Assert.Contains($"{key.Split(':')[1]} must be an absolute http or https URL", error.Message);
        Assert.Contains(value, error.Message);
    }

    [Theory]
    [InlineData("https://hub.example.com/", "https://hub.example.com/bitrix24/events")]
    [InlineData("https://example.com/hub", "https://example.com/hub/bitrix24/events")]
    [InlineData("https://example.com/hub/", "https://example.com/hub/bitrix24/events")]
    public void TheEventHandlerUrl_IsUnderThePublicUrl_KeepingItsPath(string publicUrl, string expected)
    {
        var options = Options(("Hub:PublicUrl", publicUrl));

        Assert.Equal(new Uri(expected), options.EventHandlerUrl(Request("internal-host:5101")));
    }

    [Fact]
    public void WithoutAPublicUrl_TheEventHandlerUrlIsTheRequestsOwnHost()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5101/bitrix24/events"), Options().EventHandlerUrl(Request("127.0.0.1:5101")));
    }

    [Fact]
    public void TheOAuthServerUrl_MustBeAbsoluteHttp()
    {
        var refused = new Bitrix24ClientOptions { OAuthServerUrl = new Uri("oauth.bitrix.info", UriKind.Relative), ClientId = "app.x", ClientSecret = "s" };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(refused, new(refused), results, validateAllProperties: true));
        Assert.Contains("OAuthServerUrl must be an absolute http or https URL", Assert.Single(results).ErrorMessage);
    }

    private static HubOptions Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddHubOptions().BuildServiceProvider();
        return services.GetRequiredService<IOptions<HubOptions>>().Value;
    }

    private static HttpRequest Request(string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        return context.Request;
    }
}
