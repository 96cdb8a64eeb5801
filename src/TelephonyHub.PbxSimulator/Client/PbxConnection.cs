using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Grpc.Net.Client;
using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Client;

/// <summary>
/// One PBX stream to the hub (<c>PbxGateway.Connect</c>): sends events and waits for their acknowledgements, receives
/// commands and answers them. Events of different calls may be in flight at once (the contract applies them
/// concurrently); a caller keeps one call's events in order by awaiting each acknowledgement before the next.
/// </summary>
public sealed class PbxConnection : IAsyncDisposable
{
    private readonly GrpcChannel? _ownedChannel;
    private readonly AsyncDuplexStreamingCall<PbxMessage, HubMessage> _call;
    private readonly IPbxTraffic _traffic;
    private readonly TimeSpan _ackTimeout;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<EventAck>> _acks = new(StringComparer.Ordinal);
    private readonly Channel<PbxCommand> _commands = Channel.CreateUnbounded<PbxCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<Welcome> _welcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;
    private int _welcomes;

    private PbxConnection(GrpcChannel? ownedChannel, AsyncDuplexStreamingCall<PbxMessage, HubMessage> call, IPbxTraffic traffic, TimeSpan ackTimeout)
    {
        _ownedChannel = ownedChannel;
        _call = call;
        _traffic = traffic;
        _ackTimeout = ackTimeout;
        _reader = ReadAsync();
    }

    /// <summary>The hub's welcome: the portal this key belongs to, and how many commands it is about to resend.</summary>
    public Welcome Welcome => _welcome.Task.IsCompletedSuccessfully
        ? _welcome.Task.Result
        : throw new InvalidOperationException("The stream has not been welcomed.");

    /// <summary>How many welcomes the hub sent on this stream: the contract says one, as the first message.</summary>
    public int Welcomes => Volatile.Read(ref _welcomes);

    /// <summary>Commands the hub sent, in order. Completes when the stream ends.</summary>
    public ChannelReader<PbxCommand> Commands => _commands.Reader;

    /// <summary>How the stream ended: null while open or after a clean end, else the gRPC error.</summary>
    public RpcException? EndedWith { get; private set; }

    /// <summary>Completes when the hub closes the stream (or it breaks).</summary>
    public Task Ended => _reader;

    /// <summary>Opens a stream on its own channel and waits for the welcome.</summary>
    /// <exception cref="RpcException">The hub refused the key (UNAUTHENTICATED) or is unreachable.</exception>
    public static Task<PbxConnection> ConnectAsync(Uri hub, string apiKey, PbxIdentity identity, IPbxTraffic? traffic = null,
        TimeSpan? ackTimeout = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(PbxChannels.Create(hub), ownsChannel: true, apiKey, identity, traffic, ackTimeout, cancellationToken);

    /// <summary>Opens a stream on a shared channel (<see cref="PbxChannels.Create"/>) and waits for the welcome.</summary>
    /// <exception cref="RpcException">The hub refused the key (UNAUTHENTICATED) or is unreachable.</exception>
    public static Task<PbxConnection> ConnectAsync(GrpcChannel channel, string apiKey, PbxIdentity identity, IPbxTraffic? traffic = null,
        TimeSpan? ackTimeout = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(channel, ownsChannel: false, apiKey, identity, traffic, ackTimeout, cancellationToken);

    private static async Task<PbxConnection> ConnectAsync(GrpcChannel channel, bool ownsChannel, string apiKey, PbxIdentity identity,
        IPbxTraffic? traffic, TimeSpan? ackTimeout, CancellationToken cancellationToken)
    {
        var call = new PbxGateway.PbxGatewayClient(channel).Connect(Authorization(apiKey), cancellationToken: CancellationToken.None);
        var connection = new PbxConnection(ownsChannel ? channel : null, call, traffic ?? SilentTraffic.Instance, ackTimeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await connection.SayHelloAsync(identity, cancellationToken);
            var first = await Task.WhenAny(connection._welcome.Task, connection._reader).WaitAsync(connection._ackTimeout, cancellationToken);
            if (first != connection._welcome.Task)
            {
                throw connection.EndedWith ?? new RpcException(new Status(StatusCode.Unavailable, "The hub ended the stream before its welcome."));
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }

    /// <summary>The gRPC metadata that authenticates a PBX: <c>authorization: Bearer &lt;key&gt;</c>.</summary>
    public static Metadata Authorization(string apiKey) => new() { { "authorization", $"Bearer {apiKey}" } };

    /// <summary>Sends one event and returns the hub's acknowledgement.</summary>
    /// <exception cref="TimeoutException">No acknowledgement within the ack timeout (names the event).</exception>
    /// <exception cref="RpcException">The stream broke.</exception>
    public async Task<EventAck> SendAsync(PbxEvent evt, CancellationToken cancellationToken = default)
    {
        var ack = _acks.GetOrAdd(evt.EventId, _ => new TaskCompletionSource<EventAck>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await WriteAsync(new PbxMessage { Event = evt });
            _traffic.EventSent(evt);
            var answered = await Task.WhenAny(ack.Task, _reader).WaitAsync(_ackTimeout, cancellationToken);
            if (answered != ack.Task)
            {
                throw EndedWith ?? new RpcException(new Status(StatusCode.Unavailable, $"The stream ended before event {evt.EventId} was acknowledged."));
            }

            var result = await ack.Task;
            _traffic.EventAcknowledged(evt, result);
            return result;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No acknowledgement for event {evt.EventId} ({evt.KindCase}) within {_ackTimeout.TotalSeconds:0.#} s.");
        }
        finally
        {
            _acks.TryRemove(evt.EventId, out _);
        }
    }

    /// <summary>Answers a command (ACCEPTED unless <paramref name="rejectedBecause"/> is given).</summary>
    public async Task AnswerAsync(PbxCommand command, string? rejectedBecause = null, string callId = "")
    {
        var ack = new CommandAck
        {
            RequestId = command.RequestId,
            Status = rejectedBecause is null ? CommandAckStatus.Accepted : CommandAckStatus.Rejected,
            Reason = rejectedBecause ?? "",
            CallId = callId,
        };
        await WriteAsync(new PbxMessage { CommandAck = ack });
        _traffic.CommandAnswered(ack);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _call.RequestStream.CompleteAsync();
            await _reader.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // The hub is gone or the stream broke already; it is torn down below either way.
        }

        _call.Dispose();
        _ownedChannel?.Dispose();
        _writeLock.Dispose();
    }

    /// <summary>
    /// Sends the hello. When the hub refused the stream before it went out (a bad key), the write fails with whatever
    /// the transport says (often Cancelled); the hub's own status, read from the stream, is the one that says why.
    /// </summary>
    private async Task SayHelloAsync(PbxIdentity identity, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(new PbxMessage { Hello = new Hello { PbxInstance = identity.Instance, Software = identity.Software } });
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or OperationCanceledException)
        {
            await _reader.WaitAsync(_ackTimeout, cancellationToken);
            if (EndedWith is { } refused)
            {
                throw refused;
            }

            throw;
        }
    }

    private async Task WriteAsync(PbxMessage message)
    {
        // gRPC allows one writer at a time per stream.
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
                        Interlocked.Increment(ref _welcomes);
                        _welcome.TrySetResult(message.Welcome);
                        break;
                    case HubMessage.BodyOneofCase.EventAck:
                        _acks.GetOrAdd(message.EventAck.EventId, _ => new TaskCompletionSource<EventAck>(TaskCreationOptions.RunContinuationsAsynchronously))
                            .TrySetResult(message.EventAck);
                        break;
                    case HubMessage.BodyOneofCase.Command:
                        _traffic.CommandReceived(message.Command);
                        _commands.Writer.TryWrite(message.Command);
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
