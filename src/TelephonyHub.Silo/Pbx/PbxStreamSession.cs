using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Grains.Pbx;
using TelephonyHub.Silo.Telemetry;
using Proto = TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// One open PBX stream. Reads events and acknowledgements; writes acknowledgements and commands through one bounded
/// outbox drained by a single writer (gRPC allows one writer per stream). Attached to the portal's
/// <see cref="IPbxLinkGrain"/> as an observer, renewed on a lease, so commands reach it from any silo. Its key is
/// checked again at every attach and renewal: a revoked key closes it (UNAUTHENTICATED), whether or not the
/// revocation itself reached it.
/// </summary>
public sealed partial class PbxStreamSession(
    PbxCaller caller,
    IGrainFactory grains,
    PbxEventRouter router,
    TimeProvider time,
    IOptions<PbxLinkOptions> linkOptions,
    PbxEventAdmission admission,
    PbxGatewayLogs gatewayLogs,
    HubMetrics metrics,
    ILogger<PbxStreamSession> logger) : IPbxCommandObserver
{
    private const int OutboxCapacity = 1024;
    private const int EventsInFlight = 256;
    private const int AcknowledgementsInFlight = 256;

    private readonly string _connectionId = Guid.NewGuid().ToString("N");
    private readonly Channel<Proto.HubMessage> _outbox = Channel.CreateBounded<Proto.HubMessage>(
        new BoundedChannelOptions(OutboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _closed = new();
    private readonly KeyOrderedApplier _applier = new(EventsInFlight);
    private readonly KeyOrderedApplier _acknowledgements = new(AcknowledgementsInFlight);
    private readonly RefusedEventOrder _refusedOrder = new();
    private string? _closeReason; // set once, when the hub closes the stream (key revoked, app uninstalled)
    private volatile bool _acknowledgementFailed;

    private IPbxLinkGrain Link => grains.GetGrain<IPbxLinkGrain>(caller.PortalId);

    public async Task RunAsync(
        IAsyncStreamReader<Proto.PbxMessage> requests, IServerStreamWriter<Proto.HubMessage> responses, CancellationToken callEnded)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(callEnded, _closed.Token);
        using var keepAliveStop = CancellationTokenSource.CreateLinkedTokenSource(session.Token);
        var self = grains.CreateObjectReference<IPbxCommandObserver>(this);
        var writer = WriteAsync(responses, session.Token);
        var keepAlive = Task.CompletedTask;
        metrics.PbxStreamOpened();
        LogOpened(logger, caller.PortalId, _connectionId);
        try
        {
            if (await OpenAsync(self))
            {
                keepAlive = KeepAttachedAsync(self, keepAliveStop.Token);
                await ReadAsync(requests, session.Token);
                await _acknowledgements.IdleAsync();
                await _applier.IdleAsync(); // the PBX finished sending: acknowledge what is still being applied
            }
        }
        catch (Exception) when (session.IsCancellationRequested)
        {
            // The PBX went away or the hub closed the stream; unacknowledged commands stay pending in the link.
        }
        finally
        {
            await keepAliveStop.CancelAsync();
            await keepAlive;
            _outbox.Writer.TryComplete();
            await writer;
            await DetachAsync(self);
            metrics.PbxStreamClosed();
            LogClosed(logger, caller.PortalId, _connectionId);
        }

        if (Volatile.Read(ref _closeReason) is { } closeReason)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, closeReason));
        }

        if (_acknowledgementFailed)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                "The hub could not take a command acknowledgement; reconnect: unacknowledged commands are sent again."));
        }
    }

    Task IPbxCommandObserver.DeliverAsync(PbxCommandEnvelope command) =>
        _outbox.Writer.WriteAsync(new Proto.HubMessage { Command = PbxCommandMapper.ToProto(command) }, _closed.Token).AsTask();

    Task IPbxCommandObserver.CloseAsync(string reason) => CloseAsync(reason);

    /// <summary>Ends the stream with UNAUTHENTICATED and <paramref name="reason"/> (the first reason given wins).</summary>
    private Task CloseAsync(string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        LogClosing(logger, caller.PortalId, _connectionId, reason);
        return _closed.CancelAsync();
    }

    private async Task DetachAsync(IPbxCommandObserver self)
    {
        try
        {
            await Link.DetachAsync(_connectionId);
        }
        catch (Exception ex)
        {
            // The lease runs out on its own; nothing is lost.
            LogDetachFailed(logger, caller.PortalId, _connectionId, ex);
        }
        finally
        {
            grains.DeleteObjectReference<IPbxCommandObserver>(self);
        }
    }

    /// <summary>
    /// Attaches the new stream and sends the welcome (the first message of every stream, once), then the commands
    /// waiting for a stream. False when the key was revoked since it was authenticated: the stream is closed.
    /// </summary>
    private async Task<bool> OpenAsync(IPbxCommandObserver self)
    {
        var attachment = await AttachAsync(self);
        if (attachment.Lease != PbxLease.Held)
        {
            return false;
        }

        await _outbox.Writer.WriteAsync(new Proto.HubMessage
        {
            Welcome = new Proto.Welcome
            {
                PortalId = caller.PortalId,
                ServerTime = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
                PendingCommands = attachment.Pending.Length,
            },
        });
        await SendAsync(attachment.Pending);
        return true;
    }

    /// <summary>
    /// The link lost track of the open stream (it was reactivated, or a delivery failed): attach again and resend
    /// what is pending. No welcome: the PBX was welcomed when the stream opened.
    /// </summary>
    private async Task ReattachAsync(IPbxCommandObserver self)
    {
        var attachment = await AttachAsync(self);
        if (attachment.Lease == PbxLease.Held)
        {
            await SendAsync(attachment.Pending);
        }
    }

    /// <summary>Attaches to the link, which checks the key first; closes the stream if it was revoked.</summary>
    private async Task<PbxAttachment> AttachAsync(IPbxCommandObserver self)
    {
        var attachment = await Link.AttachAsync(_connectionId, caller.KeyId, self);
        if (attachment.Lease == PbxLease.Revoked)
        {
            await CloseAsync(PbxCloseReasons.KeyRevoked);
        }

        return attachment;
    }

    private async Task SendAsync(ImmutableArray<PbxCommandEnvelope> commands)
    {
        foreach (var command in commands)
        {
            await _outbox.Writer.WriteAsync(new Proto.HubMessage { Command = PbxCommandMapper.ToProto(command) });
        }
    }

    /// <summary>
    /// Renews the lease, which checks the key again; attaches again if the link lost track of the stream (its silo
    /// died, it moved, a delivery failed), closes the stream if the key was revoked.
    /// </summary>
    private async Task KeepAttachedAsync(IPbxCommandObserver self, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(linkOptions.Value.StreamLease / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    switch (await Link.RenewAsync(_connectionId))
                    {
                        case PbxLease.Lost:
                            await ReattachAsync(self);
                            break;
                        case PbxLease.Revoked:
                            await CloseAsync(PbxCloseReasons.KeyRevoked);
                            break;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRenewFailed(logger, caller.PortalId, _connectionId, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReadAsync(IAsyncStreamReader<Proto.PbxMessage> requests, CancellationToken stop)
    {
        while (await requests.MoveNext(stop))
        {
            var message = requests.Current;
            switch (message.BodyCase)
            {
                case Proto.PbxMessage.BodyOneofCase.Event:
                    await TakeAsync(message.Event, stop);
                    break;
                case Proto.PbxMessage.BodyOneofCase.CommandAck:
                    // Applied before anything read after it: an event sent after an acknowledgement sees it done.
                    var ack = message.CommandAck;
                    await _acknowledgements.EnqueueAsync(ack.RequestId, () => AcknowledgeAsync(ack), stop);
                    break;
                case Proto.PbxMessage.BodyOneofCase.Hello:
                    LogHello(logger, caller.PortalId, _connectionId, message.Hello.PbxInstance, message.Hello.Software);
                    break;
                default:
                    LogEmptyMessage(logger, caller.PortalId, _connectionId);
                    break;
            }
        }
    }

    /// <summary>Queues the event for applying, or refuses it at once when the silo is full (or an earlier event of its call was refused).</summary>
    private async Task TakeAsync(Proto.PbxEvent evt, CancellationToken stop)
    {
        var order = PbxEventOrder.KeyOf(evt);
        if (_refusedOrder.MustWait(order, evt.EventId) || !admission.TryEnter(startsCall: evt.KindCase == Proto.PbxEvent.KindOneofCase.CallStarted))
        {
            _refusedOrder.Refused(order, evt.EventId);
            metrics.PbxEventReceived(evt.KindCase.ToString(), "overloaded");
            gatewayLogs.Overloaded(admission.InFlight);
            await _outbox.Writer.WriteAsync(new Proto.HubMessage { EventAck = EventAcks.Overloaded(evt.EventId) }, stop);
            return;
        }

        try
        {
            var acknowledgedBefore = _acknowledgements.IdleAsync();
            await _applier.EnqueueAsync(order, () => ApplyAndAcknowledgeAsync(evt, acknowledgedBefore, stop), stop);
        }
        catch
        {
            admission.Leave(); // never queued
            throw;
        }
    }

    /// <summary>Applies the event once the acknowledgements read before it are applied, then acknowledges it.</summary>
    private async Task ApplyAndAcknowledgeAsync(Proto.PbxEvent evt, Task acknowledgedBefore, CancellationToken stop)
    {
        try
        {
            await acknowledgedBefore;
            await _outbox.Writer.WriteAsync(new Proto.HubMessage { EventAck = await ApplyAsync(evt) }, stop);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // The stream ended while the event was applied: the PBX resends it unacknowledged, the event id makes that safe.
        }
        finally
        {
            admission.Leave();
        }
    }

    private async Task<Proto.EventAck> ApplyAsync(Proto.PbxEvent evt)
    {
        if (Volatile.Read(ref _closeReason) is { } closeReason)
        {
            // The hub closed the stream (its key was revoked) while the event waited its turn: it is not applied.
            return EventAcks.Rejected(evt.EventId, StatusCode.Unauthenticated, closeReason);
        }

        try
        {
            return EventAcks.From(evt.EventId, await router.RouteAsync(caller.PortalId, evt, ownTrace: true));
        }
        catch (InvalidPbxEventException ex)
        {
            return EventAcks.Rejected(evt.EventId, StatusCode.InvalidArgument, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Unknown whether it was applied: the PBX resends it, and the event id makes that safe.
            gatewayLogs.ApplyFailed(caller.PortalId, evt.EventId, ex);
            return EventAcks.Rejected(evt.EventId, StatusCode.Unavailable, EventAcks.CouldNotApply);
        }
    }

    private async Task AcknowledgeAsync(Proto.CommandAck ack)
    {
        try
        {
            await Link.AcknowledgeAsync(PbxCommandMapper.FromProto(ack));
        }
        catch (InvalidPbxEventException ex)
        {
            LogBadAck(logger, caller.PortalId, _connectionId, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The command stays pending in the link: end the stream, and the reconnecting PBX gets it again to acknowledge.
            LogAckFailed(logger, caller.PortalId, _connectionId, ex);
            _acknowledgementFailed = true;
            await _closed.CancelAsync();
        }
    }

    private async Task WriteAsync(IServerStreamWriter<Proto.HubMessage> responses, CancellationToken stop)
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync(stop))
            {
                await responses.WriteAsync(message, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (InvalidOperationException ex)
        {
            // The call completed while a message was queued; the link resends unacknowledged commands.
            LogWriteAfterEnd(logger, caller.PortalId, _connectionId, ex);
        }
    }
}
