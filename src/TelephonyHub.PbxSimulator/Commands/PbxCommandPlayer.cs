using System.Collections.Concurrent;
using System.Threading.Channels;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Client;

namespace TelephonyHub.PbxSimulator.Commands;

/// <summary>
/// Answers the hub's commands as a PBX would: acknowledges each one (once per request id: a resend after a reconnect
/// is acknowledged again, not carried out twice), then plays what it caused. Commands about a call that a scenario or
/// the load engine follows (<see cref="Follow"/>) are handed to it; otherwise the player carries them out itself:
/// ring → the extensions ring, transfer → the call moves, hang up → the call ends, originate → the user's phone rings,
/// the user picks up, the customer is dialled and the call is played to its end.
/// </summary>
public sealed class PbxCommandPlayer(PbxConnection connection, CommandPlayback playback, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Channel<PbxCommand>> _followed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _handled = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _originated = [];
    private readonly PbxEventBuilder _events = new(time);
    private long _answered;
    private long _originatesPlayed;
    private long _failures;

    /// <summary>Commands acknowledged so far.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Originated calls played to their end.</summary>
    public long OriginatesPlayed => Interlocked.Read(ref _originatesPlayed);

    /// <summary>Commands whose playback failed (the hub rejected an event of it, or the stream broke).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Raised for every originated call the player starts (click-to-call), with its PBX call id.</summary>
    public event Action<string, OriginateCall>? Originated;

    /// <summary>Raised when an originated call was played to its end (true) or failed (false), with its PBX call id.</summary>
    public event Action<string, bool>? OriginatePlayed;

    /// <summary>Hands the commands for <paramref name="callId"/> to the caller until it disposes the subscription.</summary>
    public FollowedCall Follow(string callId)
    {
        var commands = Channel.CreateUnbounded<PbxCommand>();
        _followed[callId] = commands;
        return new FollowedCall(callId, commands.Reader, () => _followed.TryRemove(callId, out _));
    }

    /// <summary>Reads commands until the stream ends or <paramref name="cancellationToken"/> fires; then waits for originated calls.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var command in connection.Commands.ReadAllAsync(cancellationToken))
            {
                await HandleAsync(command, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(_originated);
    }

    private async Task HandleAsync(PbxCommand command, CancellationToken cancellationToken)
    {
        var firstTime = _handled.TryAdd(command.RequestId, 0);
        if (UnknownExtension(command) is { } unknown)
        {
            await connection.AnswerAsync(command, rejectedBecause: $"extension {unknown} does not exist");
            Interlocked.Increment(ref _answered);
            return;
        }

        if (command.KindCase == PbxCommand.KindOneofCase.OriginateCall)
        {
            var callId = $"orig-{command.RequestId}";
            await connection.AnswerAsync(command, callId: callId);
            Interlocked.Increment(ref _answered);
            if (firstTime)
            {
                Originated?.Invoke(callId, command.OriginateCall);
                _originated.Add(PlayOriginatedAsync(callId, command, cancellationToken));
            }

            return;
        }

        if (command.KindCase == PbxCommand.KindOneofCase.None)
        {
            await connection.AnswerAsync(command, rejectedBecause: "unsupported command");
            Interlocked.Increment(ref _answered);
            return;
        }

        await connection.AnswerAsync(command);
        Interlocked.Increment(ref _answered);
        if (!firstTime)
        {
            return;
        }

        var call = CallIdOf(command);
        if (_followed.TryGetValue(call, out var follower))
        {
            follower.Writer.TryWrite(command);
            return;
        }

        var evt = command.KindCase switch
        {
            PbxCommand.KindOneofCase.RingExtensions => _events.Ringing(call, command.RingExtensions.Extensions),
            PbxCommand.KindOneofCase.TransferCall => _events.Transferred(call, "", command.TransferCall.Extension),
            PbxCommand.KindOneofCase.HangUpCall => _events.Ended(call, CallOutcome.Cancelled),
            _ => null,
        };
        if (evt is not null)
        {
            await SendCountingAsync(evt, cancellationToken);
        }
    }

    private async Task PlayOriginatedAsync(string callId, PbxCommand command, CancellationToken cancellationToken)
    {
        var originate = command.OriginateCall;
        try
        {
            // The user's phone rings first; when they pick up, the PBX dials the customer (reference: OriginateCall).
            await Task.Delay(playback.OriginateAnswerAfter, time, cancellationToken);
            var ok = await SendCountingAsync(_events.OutboundCall(callId, originate.Extension, originate.Number, originate.LineNumber, command.RequestId), cancellationToken)
                && await SendCountingAsync(_events.Answered(callId, originate.Extension), cancellationToken);
            if (ok)
            {
                await Task.Delay(playback.OriginateTalkTime, time, cancellationToken);
                ok = await SendCountingAsync(_events.Ended(callId, CallOutcome.Answered, (int)playback.OriginateTalkTime.TotalSeconds), cancellationToken);
            }

            if (ok)
            {
                Interlocked.Increment(ref _originatesPlayed);
            }

            OriginatePlayed?.Invoke(callId, ok);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> SendCountingAsync(PbxEvent evt, CancellationToken cancellationToken)
    {
        try
        {
            var ack = await connection.SendAsync(evt, cancellationToken);
            if (ack.Status != EventAckStatus.Rejected)
            {
                return true;
            }
        }
        catch (Exception ex) when (ex is TimeoutException or Grpc.Core.RpcException)
        {
        }

        Interlocked.Increment(ref _failures);
        return false;
    }

    private string? UnknownExtension(PbxCommand command)
    {
        if (playback.Extensions.Count == 0)
        {
            return null;
        }

        IEnumerable<string> named = command.KindCase switch
        {
            PbxCommand.KindOneofCase.OriginateCall => [command.OriginateCall.Extension],
            PbxCommand.KindOneofCase.RingExtensions => command.RingExtensions.Extensions,
            PbxCommand.KindOneofCase.TransferCall => [command.TransferCall.Extension],
            _ => [],
        };
        return named.FirstOrDefault(e => !playback.Extensions.Contains(e));
    }

    private static string CallIdOf(PbxCommand command) => command.KindCase switch
    {
        PbxCommand.KindOneofCase.RingExtensions => command.RingExtensions.CallId,
        PbxCommand.KindOneofCase.TransferCall => command.TransferCall.CallId,
        PbxCommand.KindOneofCase.HangUpCall => command.HangUpCall.CallId,
        _ => "",
    };
}
