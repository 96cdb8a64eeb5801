using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>
/// One in-process hub and the emulator on one fake clock, shared by a test class: for tests that jump over the hub's
/// own periods (a PBX stream's lease renewals). Tests run one after another and each creates its own portal.
/// </summary>
public sealed class FakeClockHubFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public TelephonyWorld World { get; private set; } = null!;

    public async Task InitializeAsync() =>
        World = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings, Clock), time: Clock);

    public async Task DisposeAsync() => await World.DisposeAsync();
}
