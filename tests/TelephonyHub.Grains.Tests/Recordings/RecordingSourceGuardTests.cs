using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Grains.Tests.Recordings;

/// <summary>
/// A PBX names the recording URL: the hub must not be steerable onto its own loopback, private networks or a cloud
/// metadata service, by an address or by a host name that resolves to one, unless the operator allows that network.
/// </summary>
public sealed class RecordingSourceGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.0/8")]
    [InlineData("169.254.169.254", "169.254.0.0/16")]
    [InlineData("10.1.2.3", "10.0.0.0/8")]
    [InlineData("172.20.0.1", "172.16.0.0/12")]
    [InlineData("192.168.1.10", "192.168.0.0/16")]
    [InlineData("100.64.0.1", "100.64.0.0/10")]
    [InlineData("0.0.0.0", "0.0.0.0/8")]
    [InlineData("::1", "::1/128")]
    [InlineData("fe80::1", "fe80::/10")]
    [InlineData("fd12:3456::1", "fc00::/7")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.0/8")]
    public void SpecialPurposeAddress_IsRefused_NamingItsNetwork(string address, string network)
    {
        var refusal = Guard().RefusalFor(IPAddress.Parse(address));

        Assert.NotNull(refusal);
        Assert.StartsWith($"in {network},", refusal, StringComparison.Ordinal);
        Assert.Contains("Recordings:FetchAllowedNetworks", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("2a00:1450:4001::1")]
    public void PublicAddress_IsAllowed(string address) => Assert.Null(Guard().RefusalFor(IPAddress.Parse(address)));

    [Fact]
    public void AllowedNetwork_IsFetchedFrom_OthersStayRefused()
    {
        var guard = Guard("10.20.0.0/16");

        Assert.Null(guard.RefusalFor(IPAddress.Parse("10.20.5.6")));
        Assert.NotNull(guard.RefusalFor(IPAddress.Parse("10.21.0.1")));
        Assert.NotNull(guard.RefusalFor(IPAddress.Parse("127.0.0.1")));
    }

    [Theory]
    [InlineData("127.0.0.1", "host 127.0.0.1 is in 127.0.0.0/8")]
    [InlineData("localhost", "host localhost resolves to ")]
    public async Task LoopbackUrl_ByAddressOrName_FailsBeforeConnecting_WithTheReason(string host, string reason)
    {
        using var listener = Listen();
        using var http = Client(Guard());

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(UrlOf(listener, host)));

        var forbidden = Assert.IsType<RecordingSourceForbiddenException>(failure.InnerException);
        Assert.Contains(reason, forbidden.Message, StringComparison.Ordinal);
        Assert.Matches(@"is in (127\.0\.0\.0/8|::1/128), a loopback", forbidden.Message);
        Assert.False(listener.Pending()); // nothing reached the server
    }

    [Fact]
    public async Task AllowedLoopback_IsConnectedTo()
    {
        using var listener = Listen();
        using var http = Client(Guard("127.0.0.0/8"));

        var request = http.GetAsync(UrlOf(listener, "127.0.0.1"));
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var answer = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"u8.ToArray();
        await accepted.GetStream().WriteAsync(answer);

        using var response = await request.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public void AllowedNetworkThatIsNoNetwork_FailsValidationWithTheValue()
    {
        var options = new RecordingOptions { FetchAllowedNetworks = ["10.0.0.0/8", "intranet"] };

        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));

        var error = Assert.Single(results).ErrorMessage;
        Assert.Contains("'intranet'", error, StringComparison.Ordinal);
        Assert.Contains("CIDR", error, StringComparison.Ordinal);
    }

    private static RecordingSourceGuard Guard(params string[] allowed) =>
        new(Options.Create(new RecordingOptions { FetchAllowedNetworks = allowed }));

    private static HttpClient Client(RecordingSourceGuard guard) =>
        new(new SocketsHttpHandler { ConnectCallback = guard.ConnectAsync, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static Uri UrlOf(TcpListener listener, string host) => new($"http://{host}:{((IPEndPoint)listener.LocalEndpoint).Port}/call.mp3");
}
