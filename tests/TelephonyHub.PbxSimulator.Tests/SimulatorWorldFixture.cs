using TelephonyHub.PbxSimulator.Recordings;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.PbxSimulator.Tests;

/// <summary>
/// One in-process hub on the embedded default, the portal emulator, and the simulator's recording server, shared by
/// a test class; every test creates its own portal.
/// </summary>
public sealed class SimulatorWorldFixture : IAsyncLifetime
{
    public TelephonyWorld World { get; private set; } = null!;

    public RecordingServer Recordings { get; } = RecordingServer.Start();

    public async Task InitializeAsync() => World = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings));

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        await Recordings.DisposeAsync();
    }
}
