using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Client;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>
/// Memory per active call: the hub's resident memory before and while <c>count</c> answered calls are in progress,
/// spread over the portals; then the calls end (and must land like any other).
/// </summary>
public static class ActiveCallProbe
{
    public static async Task<(double BytesPerCall, int Calls)> MeasureAsync(BenchmarkStack stack, int count, CancellationToken cancellationToken)
    {
        var events = new PbxEventBuilder(TimeProvider.System);
        var portals = stack.Portals.Take(Math.Min(stack.Portals.Count, 200)).ToList();
        var connections = new List<(TestPortal Portal, PbxConnection Connection)>();
        foreach (var portal in portals)
        {
            connections.Add((portal, await PbxConnection.ConnectAsync(stack.World.Settings.GrpcAddress, portal.ApiKey, new PbxIdentity("probe"), cancellationToken: cancellationToken)));
        }

        try
        {
            var before = stack.Sampler.Sample();
            var calls = Enumerable.Range(0, count).Select(i => (Link: connections[i % connections.Count], CallId: $"probe-{Guid.NewGuid():N}")).ToList();
            await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (call, token) =>
            {
                await call.Link.Connection.SendAsync(events.InboundCall(call.CallId, "+4930123123", "101"), token);
                await call.Link.Connection.SendAsync(events.Answered(call.CallId, "101"), token);
            });
            var during = stack.Sampler.Sample();
            await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (call, token) =>
                await call.Link.Connection.SendAsync(events.Ended(call.CallId, CallOutcome.Answered, 10), token));
            return ((during.RssBytes - before.RssBytes) / (double)count, count);
        }
        finally
        {
            foreach (var (_, connection) in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
