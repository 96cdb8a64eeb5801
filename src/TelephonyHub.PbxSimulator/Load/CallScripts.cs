using Grpc.Core;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Client;
using TelephonyHub.PbxSimulator.Commands;

namespace TelephonyHub.PbxSimulator.Load;

/// <summary>
/// How each kind of call unfolds at the PBX, event by event, with the planned ring and talk times. Each event is
/// acknowledged before the next of the same call is sent (the order the contract keeps per call); calls run side by
/// side on their portal's stream.
/// </summary>
public sealed class CallScripts(LoadOptions options, TimeProvider time, LoadStatistics statistics, ILoadObserver? observer)
{
    private const int MaxAttempts = 6;

    private readonly PbxEventBuilder _events = new(time);

    public async Task PlayAsync(PlannedCall call, PortalLink? link, CancellationToken cancellationToken)
    {
        statistics.CallStarted();
        if (link is null)
        {
            statistics.CallFailed("portal stream not connected");
            observer?.CallFinished(call, succeeded: false);
            return;
        }

        try
        {
            await (call.Kind switch
            {
                CallKind.Missed => MissedAsync(call, link, cancellationToken),
                CallKind.Outbound => OutboundAsync(call, link, cancellationToken),
                CallKind.Transfer => TransferAsync(call, link, cancellationToken),
                CallKind.LateRecording => LateRecordingAsync(call, link, cancellationToken),
                CallKind.Queued or CallKind.KnownCaller => QueuedAsync(call, link, cancellationToken),
                _ => DirectAsync(call, link, cancellationToken),
            });
            statistics.CallCompleted(call.Kind);
            observer?.CallFinished(call, succeeded: true);
        }
        catch (CallRejectedException ex)
        {
            Failed(call, ex.Message);
        }
        catch (TimeoutException)
        {
            Failed(call, "no acknowledgement in time");
        }
        catch (RpcException ex)
        {
            Failed(call, $"stream broke: {ex.StatusCode}");
        }
        catch (OperationCanceledException)
        {
            Failed(call, "cut off at the end of the run");
        }
    }

    private void Failed(PlannedCall call, string why)
    {
        statistics.CallFailed(why);
        observer?.CallFinished(call, succeeded: false);
    }

    private async Task DirectAsync(PlannedCall call, PortalLink link, CancellationToken ct)
    {
        await AnsweredAtExtensionAsync(call, link, ct);
        await WaitAsync(call.TalkTime, ct);
        await SendAsync(call, link, _events.Ended(call.CallId, CallOutcome.Answered, Seconds(call.TalkTime)), ct);
    }

    private async Task MissedAsync(PlannedCall call, PortalLink link, CancellationToken ct)
    {
        await SendAsync(call, link, _events.InboundCall(call.CallId, call.Customer, call.Extension), ct);
        await SendAsync(call, link, _events.Ringing(call.CallId, [call.Extension]), ct);
        await WaitAsync(call.RingTime, ct);
        await SendAsync(call, link, _events.Ended(call.CallId, CallOutcome.NoAnswer), ct);
    }

    private async Task OutboundAsync(PlannedCall call, PortalLink link, CancellationToken ct)
    {
        await SendAsync(call, link, _events.OutboundCall(call.CallId, call.Extension, call.Customer), ct);
        await WaitAsync(call.RingTime, ct);
        await SendAsync(call, link, _events.Answered(call.CallId, call.Extension), ct);
        await WaitAsync(call.TalkTime, ct);
        await SendAsync(call, link, _events.Ended(call.CallId, CallOutcome.Answered, Seconds(call.TalkTime)), ct);
    }

    private async Task TransferAsync(PlannedCall call, PortalLink link, CancellationToken ct)
    {
        await AnsweredAtExtensionAsync(call, link, ct);
        await WaitAsync(call.TalkTime / 2, ct);
        await SendAsync(call, link, _events.Transferred(call.CallId, call.Extension, call.OtherExtension), ct);
        await WaitAsync(call.TalkTime / 2, ct);
        await SendAsync(call, link, _events.Ended(call.CallId, CallOutcome.Answered, Seconds(call.TalkTime)), ct);
    }

    private async Task LateRecordingAsync(PlannedCall call, PortalLink link, CancellationToken ct)
    {
        if (options.RecordingUrl is not { } recordingUrl)
        {
            await DirectAsync(call, link, ct);
            return;
        }

        await AnsweredAtExtensionAsync(call, link, ct);
        await WaitAsync(call.TalkTime, ct);
        await SendAsync(call, link, _events.Ended(call.CallId, CallOutcome.Answered, Seconds(call.TalkTime), recordingPending: true), ct);
        await WaitAsync(call.RecordingDelay, ct);
        await SendAsync(call, link, _events.RecordingReady(call.CallId, recordingUrl(call.CallId), $"{call.CallId}.wav"), ct);
    }

    /// <summary>
    /// Queued and known-caller calls: the hub decides who rings (RingExtensions) or where the call goes (TransferCall);
    /// the PBX carries that out. Whoever rings when the caller's patience (the planned ring time) is reached answers.
    /// When the hub sends nothing within <see cref="LoadOptions.CommandWait"/>, the PBX's own queue rings two members.
    /// </summary>
    private async Task QueuedAsync(PlannedCall call, PortalLink link, CancellationToken ct)
    {
        using var follow = link.Player.Follow(call.CallId);
        await SendAsync(call, link, _events.InboundCall(call.CallId, call.Customer), ct);
        var answerAt = time.GetUtcNow() + options.CommandWait + call.RingTime;
        IReadOnlyList<string> ringing = [];
        var steps = new QueueSteps(time, statistics.QueueStepError);
        var first = true;
        while (true)
        {
            var wait = first ? options.CommandWait : answerAt - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            var command = await follow.NextAsync(wait, time, ct);
            if (command is null && first)
            {
                ringing = [call.Extension, call.OtherExtension];
                await SendAsync(call, link, _events.Ringing(call.CallId, ringing), ct);
            }

            first = false;
            switch (command?.KindCase)
            {
                case PbxCommand.KindOneofCase.RingExtensions:
                    steps.Next(command.RingExtensions.RingSeconds);
                    ringing = [.. command.RingExtensions.Extensions];
                    await SendAsync(call, link, _events.Ringing(call.CallId, ringing), ct);
                    break;
                case PbxCommand.KindOneofCase.TransferCall:
                    await SendAsync(call, link, _events.Transferred(call.CallId, ringing.FirstOrDefault() ?? "", command.TransferCall.Extension), ct);
                    ringing = [command.TransferCall.Extension];
                    break;
                case PbxCommand.KindOneofCase.HangUpCall:
                    await SendAsync(call, link, _events.Ended(call.CallId, CallOutcome.Cancelled), ct);
                    return;
            }
        }

        if (ringing.Count == 0)
        {
            await SendAsync(call, link, _events.Ended(call.CallId, CallOutcome.NoAnswer), ct);
            return;
        }

        await SendAsync(call, link, _events.Answered(call.CallId, ringing[0]), ct);
        await WaitAsync(call.TalkTime, ct);
        await SendAsync(call, link, _events.Ended(call.CallId, CallOutcome.Answered, Seconds(call.TalkTime)), ct);
    }

    private async Task AnsweredAtExtensionAsync(PlannedCall call, PortalLink link, CancellationToken ct)
    {
        await SendAsync(call, link, _events.InboundCall(call.CallId, call.Customer, call.Extension), ct);
        await SendAsync(call, link, _events.Ringing(call.CallId, [call.Extension]), ct);
        await WaitAsync(call.RingTime, ct);
        await SendAsync(call, link, _events.Answered(call.CallId, call.Extension), ct);
    }

    /// <summary>
    /// Sends an event and waits for its acknowledgement. UNAVAILABLE ("resend it later") is resent with the same event
    /// id after a growing pause, as the contract asks of a PBX; any other rejection fails the call.
    /// </summary>
    private async Task SendAsync(PlannedCall call, PortalLink link, PbxEvent evt, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            observer?.EventSending(call, evt, time.GetUtcNow());
            var sent = time.GetTimestamp();
            var ack = await link.Connection.SendAsync(evt, ct);
            statistics.EventAcknowledged(ack, time.GetElapsedTime(sent));
            if (ack.Status != EventAckStatus.Rejected)
            {
                return;
            }

            if (ack.Code != (int)StatusCode.Unavailable || attempt == MaxAttempts)
            {
                throw new CallRejectedException($"{evt.KindCase} rejected ({ack.Code}): {ack.Message}");
            }

            statistics.EventResent();
            await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << attempt)), time, ct);
        }
    }

    private Task WaitAsync(TimeSpan span, CancellationToken ct) => span <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(span, time, ct);

    private static int Seconds(TimeSpan span) => (int)Math.Round(span.TotalSeconds);
}
