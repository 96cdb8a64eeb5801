using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Grpc.Net.Client;
using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Testing.Pbx;

/// <summary>
/// A PBX as the hub sees it: a real gRPC client on the hub's stream, sending events and waiting for their
/// acknowledgements, receiving commands and answering them.
/// </summary>
public sealed class PbxTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<PbxMessage, HubMessage> _call;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<EventAck>> _acks = new();
    private readonly Channel<PbxCommand> _commands = Channel.CreateUnbounded<PbxCommand>();
    private readonly TaskCompletionSource<Welcome> _welcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;

    private readonly string _apiKey;

    private PbxTestClient(GrpcChannel channel, AsyncDuplexStreamingCall<PbxMessage, HubMessage> call, string apiKey)
    {
        _channel = channel;
        _apiKey = apiKey;
        _call = call;
        _reader = ReadAsync();
    }

    public PbxGateway.PbxGatewayClient Gateway => new(_channel);

    /// <summary>How the stream ended: null while open or after a clean end, else the gRPC error.</summary>
    public RpcException? EndedWith { get; private set; }

    public Task Ended => _reader;

    /// <summary>Opens the stream and waits for the hub's welcome (or its refusal, thrown as <see cref="RpcException"/>).</summary>
    public static async Task<PbxTestClient> ConnectAsync(Uri hub, string apiKey)
    {
        var channel = GrpcChannel.ForAddress(hub);
        var call = new PbxGateway.PbxGatewayClient(channel).Connect(Headers(apiKey));
        var client = new PbxTestClient(channel, call, apiKey);
        await client.WriteAsync(new PbxMessage { Hello = new Hello { PbxInstance = "test-pbx", Software = "TelephonyHub tests" } });
        var welcome = await Task.WhenAny(client._welcome.Task, client._reader).WaitAsync(DefaultTimeout);
        if (welcome != client._welcome.Task)
        {
            await client.DisposeAsync();
            throw client.EndedWith ?? new RpcException(new Status(StatusCode.Unknown, "The stream ended before the welcome."));
        }

        return client;
    }

    public Welcome Welcome => _welcome.Task.Result;

    public static Metadata Headers(string apiKey) => new() { { "authorization", $"Bearer {apiKey}" } };

    /// <summary>Sends an event and returns the hub's acknowledgement of it.</summary>
    public async Task<EventAck> SendAsync(PbxEvent evt)
    {
        var ack = _acks.GetOrAdd(evt.EventId, _ => new TaskCompletionSource<EventAck>(TaskCreationOptions.RunContinuationsAsynchronously));
        await WriteAsync(new PbxMessage { Event = evt });
        try
        {
            return await ack.Task.WaitAsync(DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No acknowledgement for event {evt.EventId} ({evt.KindCase}) within {DefaultTimeout.TotalSeconds} s.");
        }
        finally
        {
            _acks.TryRemove(evt.EventId, out _);
        }
    }

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
            return await _commands.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The hub sent no command within {(timeout ?? DefaultTimeout).TotalSeconds} s; expected {expected}.");
        }
    }

    /// <summary>Commands received and not yet taken.</summary>
    public bool TryTakeCommand(out PbxCommand? command) => _commands.Reader.TryRead(out command);

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
        WriteAsync(new PbxMessage
        {
            CommandAck = new CommandAck
            {
                RequestId = command.RequestId,
                Status = accepted ? CommandAckStatus.Accepted : CommandAckStatus.Rejected,
                Reason = reason,
                CallId = callId,
            },
        });

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _call.RequestStream.CompleteAsync();
            await _reader.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // The hub may be gone already (killed); the stream is torn down below either way.
        }

        _call.Dispose();
        _channel.Dispose();
    }

    private async Task WriteAsync(PbxMessage message)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _call.RequestStream.WriteAsync(message);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var message in _call.ResponseStream.ReadAllAsync())
            {
                switch (message.BodyCase)
                {
                    case HubMessage.BodyOneofCase.Welcome:
                        _welcome.TrySetResult(message.Welcome);
                        break;
                    case HubMessage.BodyOneofCase.EventAck:
                        _acks.GetOrAdd(message.EventAck.EventId, _ => new TaskCompletionSource<EventAck>(TaskCreationOptions.RunContinuationsAsynchronously))
                            .TrySetResult(message.EventAck);
                        break;
                    case HubMessage.BodyOneofCase.Command:
                        await _commands.Writer.WriteAsync(message.Command);
                        break;
                }
            }
        }
        catch (RpcException ex)
        {
            EndedWith = ex;
        }
        finally
        {
            _commands.Writer.TryComplete();
        }
    }
}
