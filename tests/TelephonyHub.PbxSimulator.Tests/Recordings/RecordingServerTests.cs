using TelephonyHub.PbxSimulator.Recordings;

namespace TelephonyHub.PbxSimulator.Tests.Recordings;

public sealed class RecordingServerTests
{
    [Fact]
    public async Task Recording_IsServedAsAWavFile_OnLoopback()
    {
        await using var server = RecordingServer.Start();
        using var http = new HttpClient();

        using var response = await http.GetAsync(server.UrlFor("call-1"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("127.0.0.1", server.BaseUri.Host);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RIFF"u8.ToArray(), body[..4]);
        Assert.Equal("WAVE"u8.ToArray(), body[8..12]);
        Assert.Equal(1, server.Served);
    }
}
