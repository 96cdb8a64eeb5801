using Grpc.Core;
using Grpc.Net.Client;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Client;

namespace TelephonyHub.Testing.Pbx;

/// <summary>
/// A PBX as the hub sees it, for tests: the simulator's <see cref="PbxConnection"/> on the hub's stream (events and
/// their acknowledgements, commands and their answers), with the waits and the recording upload tests need.
/// </summary>
public sealed class PbxTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly GrpcChannel _channel;
    private readonly PbxConnection _connection;
    private readonly string _apiKey;

    private PbxTestClient(GrpcChannel channel, PbxConnection connection, string apiKey)
    {
        _channel = channel;
        _connection = connection;
        _apiKey = apiKey;
    }

    public PbxGateway.PbxGatewayClient Gateway => new(_channel);

    /// <summary>How the stream ended: null while open or after a clean end, else the gRPC error.</summary>
    public RpcException? EndedWith => _connection.EndedWith;

    public Task Ended => _connection.Ended;

    public Welcome Welcome => _connection.Welcome;

    /// <summary>How many welcomes the hub sent on this stream (the contract says exactly one).</summary>
    public int Welcomes => _connection.Welcomes;

    /// <summary>Opens the stream and waits for the hub's welcome (or its refusal, thrown as <see cref="RpcException"/>).</summary>
    public static async Task<PbxTestClient> ConnectAsync(Uri hub, string apiKey)
    {
        var channel = GrpcChannel.ForAddress(hub);
        try
        {
            var connection = await PbxConnection.ConnectAsync(channel, apiKey, new PbxIdentity("test-pbx", "TelephonyHub tests"), ackTimeout: DefaultTimeout);
            return new PbxTestClient(channel, connection, apiKey);
        }
        catch
        {
            channel.Dispose();
            throw;
        }
    }

    public static Metadata Headers(string apiKey) => PbxConnection.Authorization(apiKey);

    /// <summary>Sends an event and returns the hub's acknowledgement of it.</summary>
    public Task<EventAck> SendAsync(PbxEvent evt) => _connection.SendAsync(evt);

    /// <summary>Sends events one after another, each acknowledged before the next.</summary>
    public async Task<IReadOnlyList<EventAck>> SendAllAsync(params PbxEvent[] events)
    {
        var acks = new List<EventAck>();
        foreach (var evt in events)
        {
            acks.Add(await SendAsync(evt));
        }

        return acks;
    }

    /// <summary>The next command the hub sent.</summary>
    public async Task<PbxCommand> NextCommandAsync(string expected, TimeSpan? timeout = null)
    {
        try
        {
            return await _connection.Commands.ReadAsync().AsTask().WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The hub sent no command within {(timeout ?? DefaultTimeout).TotalSeconds} s; expected {expected}.");
        }
    }

    /// <summary>Commands received and not yet taken.</summary>
    public bool TryTakeCommand(out PbxCommand? command) => _connection.Commands.TryRead(out command);

    /// <summary>
    /// Uploads a recording the way a PBX would (<c>UploadRecording</c>): the header first, then the content in pieces
    /// of <paramref name="chunkBytes"/>. Returns the hub's acknowledgement, also when the hub answered before it read
    /// everything (a refused file).
    /// </summary>
    public async Task<EventAck> UploadRecordingAsync(RecordingUploadHeader header, Stream content, int chunkBytes = 64 * 1024)
    {
        using var upload = Gateway.UploadRecording(Headers(_apiKey));
        var buffer = new byte[chunkBytes];
        var first = true;
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer)) > 0 || first)
            {
                var chunk = new RecordingChunk { Data = Google.Protobuf.ByteString.CopyFrom(buffer, 0, read) };
                if (first)
                {
                    chunk.Header = header;
                    first = false;
                }

                await upload.RequestStream.WriteAsync(chunk);
            }

            await upload.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or IOException)
        {
            // The hub answered early (it refuses a bad file at its first bad byte): the answer says why.
        }

        return await upload.ResponseAsync.WaitAsync(DefaultTimeout);
    }

    public Task AcknowledgeAsync(PbxCommand command, bool accepted = true, string reason = "", string callId = "") =>
        _connection.AnswerAsync(command, accepted ? null : reason, callId);

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _channel.Dispose();
    }
}
