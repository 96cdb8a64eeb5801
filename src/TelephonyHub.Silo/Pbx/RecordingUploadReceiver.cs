using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Options;
using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Recordings;
using TelephonyHub.Grains.Recordings;
using TelephonyHub.Silo.Telemetry;
using Proto = TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// Receives a recording the PBX uploads (<c>UploadRecording</c>): checks the header, streams the bytes through a
/// <see cref="RecordingContentCheck"/> into the store, then hands the call a <see cref="RecordingReady"/> that points
/// at the stored file. A bad file is refused at its first bad byte and nothing of it is kept; a file the call does not
/// take (a duplicate, an unknown call) is deleted again.
/// </summary>
public sealed partial class RecordingUploadReceiver(
    IGrainFactory grains,
    IRecordingStore store,
    IOptions<RecordingOptions> options,
    TimeProvider time,
    HubMetrics hubMetrics,
    RecordingMetrics metrics,
    ILogger<RecordingUploadReceiver> logger)
{
    private const string Kind = "RecordingUpload";

    public async Task<Proto.EventAck> ReceiveAsync(PbxCaller caller, IAsyncStreamReader<Proto.RecordingChunk> messages, CancellationToken cancellationToken)
    {
        using var activity = HubActivitySource.Instance.StartActivity($"pbx {Kind}", ActivityKind.Consumer);
        activity?.SetTag("telephonyhub.portal", caller.PortalId);
        if (!await messages.MoveNext(cancellationToken))
        {
            return Refuse(caller, "", "header: is required in the first message of the upload");
        }

        var first = messages.Current;
        RecordingUpload upload;
        try
        {
            upload = RecordingUploadMapper.Map(first.Header, options.Value.MaxBytes);
        }
        catch (InvalidPbxEventException ex)
        {
            return Refuse(caller, first.Header?.EventId ?? "", ex.Message);
        }

        activity?.SetTag("pbx.event_id", upload.EventId);
        var callKey = CallKey.For(caller.PortalId, upload.PbxCallId);
        var target = new NewRecording(NewRecording.NewId(), caller.PortalId, callKey, time.GetUtcNow());
        var check = new RecordingContentCheck(options.Value.MaxBytes, upload.TotalSize, upload.ClaimedFormat);
        SavedRecording saved;
        try
        {
            await using var content = new CheckedRecordingStream(new RecordingChunkStream(first.Data.Memory, messages, cancellationToken), check);
            saved = await store.SaveAsync(target, content, cancellationToken);
        }
        catch (InvalidRecordingException ex)
        {
            return Refuse(caller, upload.EventId, $"recording: {ex.Message}");
        }
        catch (InvalidPbxEventException ex)
        {
            return Refuse(caller, upload.EventId, ex.Message);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or IOException) && !cancellationToken.IsCancellationRequested)
        {
            // The hub's store failed (its database, most likely), not the PBX: nothing was kept, the PBX sends it again.
            metrics.Failed("upload");
            hubMetrics.PbxEventReceived(Kind, "failed");
            LogStoreFailed(logger, callKey, upload.EventId, ex);
            return EventAcks.Rejected(upload.EventId, StatusCode.Unavailable, "The hub could not store the upload now; resend it.");
        }

        metrics.Stored("upload", saved.Size);
        return await ApplyAsync(callKey, upload, new StoredRecording
        {
            RecordingId = target.RecordingId,
            FileName = upload.FileName,
            ContentType = RecordingFormats.ContentType(check.Format ?? upload.ClaimedFormat),
            Size = saved.Size,
            Sha256 = saved.Sha256,
        });
    }

    private async Task<Proto.EventAck> ApplyAsync(string callKey, RecordingUpload upload, StoredRecording stored)
    {
        EventOutcome outcome;
        try
        {
            outcome = await grains.GetGrain<ICallGrain>(callKey).ApplyAsync(new RecordingReady
            {
                EventId = upload.EventId,
                OccurredAt = upload.OccurredAt,
                FileName = upload.FileName,
                Stored = stored,
            });
        }
        catch (Exception ex)
        {
            // Unknown whether the call took it: keep the file (the retention sweep removes it if not) and ask for a
            // resend, which the event id makes safe.
            LogApplyFailed(logger, callKey, upload.EventId, ex);
            hubMetrics.PbxEventReceived(Kind, "failed");
            return EventAcks.Rejected(upload.EventId, StatusCode.Unavailable, "The hub could not apply the upload now; resend it.");
        }

        if (outcome.Verdict != EventVerdict.Applied)
        {
            // Only an applied event owns the file.
            await store.DeleteAsync(stored.RecordingId, CancellationToken.None);
        }

        LogReceived(logger, callKey, upload.EventId, stored.Size, outcome.Verdict);
        hubMetrics.PbxEventReceived(Kind, outcome.Verdict.ToString());
        return EventAcks.From(upload.EventId, outcome);
    }

    private Proto.EventAck Refuse(PbxCaller caller, string eventId, string reason)
    {
        metrics.Failed("upload");
        hubMetrics.PbxEventReceived(Kind, "invalid");
        LogRefused(logger, caller.PortalId, eventId, reason);
        return EventAcks.Rejected(eventId, StatusCode.InvalidArgument, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording upload {EventId} of portal {PortalId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string portalId, string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallKey}: recording upload {EventId} ({Size} bytes) stored, {Verdict}")]
    private static partial void LogReceived(ILogger logger, string callKey, string eventId, long size, EventVerdict verdict);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallKey}: recording upload {EventId} could not be stored; the PBX is asked to resend it")]
    private static partial void LogStoreFailed(ILogger logger, string callKey, string eventId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallKey}: recording upload {EventId} stored but not applied")]
    private static partial void LogApplyFailed(ILogger logger, string callKey, string eventId, Exception exception);
}
