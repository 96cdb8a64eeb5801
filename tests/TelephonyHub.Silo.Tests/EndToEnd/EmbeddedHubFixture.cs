using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>One in-process hub on the embedded default (SQLite) and one emulator, shared by a test class; every test
/// creates its own portal, so tests do not see each other's calls.</summary>
public sealed class EmbeddedHubFixture : IAsyncLifetime
{
    public TelephonyWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings));

    public async Task DisposeAsync() => await World.DisposeAsync();
}
