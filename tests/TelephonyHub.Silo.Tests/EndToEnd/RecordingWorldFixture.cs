using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.Telemetry;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>
/// Scenario 5's world, shared by a test class: an in-process hub and the emulator on one fake clock, and a PBX
/// recording server on loopback. Tests run one after another and each uses its own portal and files.
/// </summary>
public sealed class RecordingWorldFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public TelephonyWorld World { get; private set; } = null!;

    public RecordingFileServer Files { get; private set; } = null!;

    /// <summary>Await before jumping the clock: a request still in flight must not time out on the jump.</summary>
    public DispatchAnswers Answers { get; } = new();

    public async Task InitializeAsync()
    {
        Files = await RecordingFileServer.StartAsync();
        World = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings, Clock), time: Clock);
    }

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        await Files.DisposeAsync();
        Answers.Dispose();
    }
}
