using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using TelephonyHub.Silo.Tests.EndToEnd;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>What a PBX vendor's tooling finds on the gRPC port: standard health checking and server reflection.</summary>
public sealed class GrpcServiceDiscoveryTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    [Fact]
    public async Task HealthCheck_SaysServing()
    {
        using var channel = GrpcChannel.ForAddress(fixture.World.Settings.GrpcAddress);

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
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
