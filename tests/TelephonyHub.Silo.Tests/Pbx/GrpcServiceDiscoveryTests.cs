using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using TelephonyHub.Silo.Tests.EndToEnd;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>What a PBX vendor's tooling finds on the gRPC port: standard health checking and server reflection.</summary>
public sealed class GrpcServiceDiscoveryTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    [Theory]
    [InlineData("")] // readiness: the silo active and its database answering
    [InlineData("live")] // liveness: the silo alone
    public async Task HealthCheck_SaysServing(string service)
    {
        using var channel = GrpcChannel.ForAddress(fixture.World.Settings.GrpcAddress);

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Theory]
    [InlineData("healthz")]
    [InlineData("healthz/live")]
    public async Task HttpHealth_SaysHealthy(string path)
    {
        using var http = new HttpClient();

        var health = await http.GetStringAsync(new Uri(fixture.World.Settings.HttpAddress, path));

        Assert.Equal("Healthy", health);
    }

    [Fact]
    public async Task Reflection_ListsThePbxGateway()
    {
        using var channel = GrpcChannel.ForAddress(fixture.World.Settings.GrpcAddress);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "telephonyhub.pbx.v1.PbxGateway");
    }
}
