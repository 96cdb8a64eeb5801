using Google.Protobuf.WellKnownTypes;
using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Presence;
using Proto = TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// Checks a PBX event against the contract and maps it to the domain. Every check names the field as the proto
/// spells it, so a PBX vendor can find the mistake; nothing reaches a grain unless the whole event is valid.
/// </summary>
public static class PbxEventMapper
{
    private const int MaxIdLength = 128;

    public static MappedPbxEvent Map(Proto.PbxEvent? evt)
    {
        if (evt is null)
        {
            throw new InvalidPbxEventException("event", "is required");
        }

        var eventId = RequiredId(evt.EventId, "event.event_id");
        var occurredAt = Time(evt.OccurredAt, "event.occurred_at");
        return evt.KindCase switch
        {
            Proto.PbxEvent.KindOneofCase.CallStarted => Started(evt.CallStarted, eventId, occurredAt),
            Proto.PbxEvent.KindOneofCase.CallRinging => Ringing(evt.CallRinging, eventId, occurredAt),
            Proto.PbxEvent.KindOneofCase.CallAnswered => Answered(evt.CallAnswered, eventId, occurredAt),
            Proto.PbxEvent.KindOneofCase.CallTransferred => Transferred(evt.CallTransferred, eventId, occurredAt),
            Proto.PbxEvent.KindOneofCase.CallEnded => Ended(evt.CallEnded, eventId, occurredAt),
            Proto.PbxEvent.KindOneofCase.RecordingReady => Recording(evt.RecordingReady, eventId, occurredAt),
            Proto.PbxEvent.KindOneofCase.ExtensionStateChanged => Extension(evt.ExtensionStateChanged, eventId, occurredAt),
            _ => throw new InvalidPbxEventException("event.kind", "exactly one event kind must be set"),
        };
    }

    private static MappedCallEvent Started(Proto.CallStarted started, string eventId, DateTimeOffset at)
    {
        const string path = "event.call_started";
        var callId = RequiredId(started.CallId, $"{path}.call_id");
        var direction = started.Direction switch
        {
            Proto.CallDirection.Inbound => CallDirection.Inbound,
            Proto.CallDirection.Outbound => CallDirection.Outbound,
            _ => throw new InvalidPbxEventException($"{path}.direction", "must be INBOUND or OUTBOUND"),
        };

        // Inbound: the customer is the caller. Outbound: the customer is the dialled number, and the caller is a
        // user's extension (given as extension, or as from_number).
        var customer = direction == CallDirection.Inbound
            ? Required(started.FromNumber, $"{path}.from_number", "is required for inbound calls (the customer's number)")
            : Required(started.ToNumber, $"{path}.to_number", "is required for outbound calls (the customer's number)");
        var extension = direction == CallDirection.Outbound
            ? Required(Blank(started.Extension) ?? Blank(started.FromNumber), $"{path}.extension",
                "is required for outbound calls (the calling user's extension; from_number is used when empty)")
            : Blank(started.Extension);

        return new MappedCallEvent(callId, new CallStarted
        {
            EventId = eventId,
            OccurredAt = at,
            Direction = direction,
            CustomerNumber = customer,
            Extension = extension,
            LineNumber = Blank(started.LineNumber),
            OriginateRequestId = Blank(started.OriginateRequestId),
        });
    }

    private static MappedCallEvent Ringing(Proto.CallRinging ringing, string eventId, DateTimeOffset at)
    {
        const string path = "event.call_ringing";
        var callId = RequiredId(ringing.CallId, $"{path}.call_id");
        if (ringing.Extensions.Count == 0)
        {
            throw new InvalidPbxEventException($"{path}.extensions", "must name at least one extension");
        }

        var extensions = ringing.Extensions
            .Select((e, i) => Required(e, $"{path}.extensions[{i}]", "must not be empty"))
            .ToImmutableArray();
        return new MappedCallEvent(callId, new CallRinging { EventId = eventId, OccurredAt = at, Extensions = extensions });
    }

    private static MappedCallEvent Answered(Proto.CallAnswered answered, string eventId, DateTimeOffset at)
    {
        const string path = "event.call_answered";
        return new MappedCallEvent(RequiredId(answered.CallId, $"{path}.call_id"), new CallAnswered
        {
            EventId = eventId,
            OccurredAt = at,
            Extension = Required(answered.Extension, $"{path}.extension", "is required (who answered)"),
        });
    }

    private static MappedCallEvent Transferred(Proto.CallTransferred transferred, string eventId, DateTimeOffset at)
    {
        const string path = "event.call_transferred";
        return new MappedCallEvent(RequiredId(transferred.CallId, $"{path}.call_id"), new CallTransferred
        {
            EventId = eventId,
            OccurredAt = at,
            FromExtension = Blank(transferred.FromExtension),
            ToExtension = Required(transferred.ToExtension, $"{path}.to_extension", "is required"),
        });
    }

    private static MappedCallEvent Ended(Proto.CallEnded ended, string eventId, DateTimeOffset at)
    {
        const string path = "event.call_ended";
        var callId = RequiredId(ended.CallId, $"{path}.call_id");
        var outcome = ended.Outcome switch
        {
            Proto.CallOutcome.Answered => CallOutcome.Answered,
            Proto.CallOutcome.NoAnswer => CallOutcome.NoAnswer,
            Proto.CallOutcome.Cancelled => CallOutcome.Cancelled,
            Proto.CallOutcome.Busy => CallOutcome.Busy,
            Proto.CallOutcome.Declined => CallOutcome.Declined,
            Proto.CallOutcome.InvalidNumber => CallOutcome.InvalidNumber,
            Proto.CallOutcome.Unavailable => CallOutcome.Unavailable,
            Proto.CallOutcome.Failed => CallOutcome.Failed,
            _ => throw new InvalidPbxEventException($"{path}.outcome", "must be set"),
        };
        if (ended.TalkSeconds < 0)
        {
            throw new InvalidPbxEventException($"{path}.talk_seconds", "must not be negative");
        }

        if (ended.SipCode != 0 && ended.SipCode is < 100 or > 699)
        {
            throw new InvalidPbxEventException($"{path}.sip_code", "must be a SIP response code (100-699) or 0");
        }

        if (ended.Cost < 0 || double.IsNaN(ended.Cost) || double.IsInfinity(ended.Cost))
        {
            throw new InvalidPbxEventException($"{path}.cost", "must be a non-negative number");
        }

        if (ended.Cost > 0 && string.IsNullOrWhiteSpace(ended.CostCurrency))
        {
            throw new InvalidPbxEventException($"{path}.cost_currency", "is required when cost is set");
        }

        return new MappedCallEvent(callId, new CallEnded
        {
            EventId = eventId,
            OccurredAt = at,
            Outcome = outcome,
            SipCode = ended.SipCode == 0 ? null : ended.SipCode,
            TalkSeconds = ended.TalkSeconds == 0 ? null : ended.TalkSeconds,
            Cost = ended.Cost > 0 ? (decimal)ended.Cost : null,
            CostCurrency = ended.Cost > 0 ? ended.CostCurrency.Trim() : null,
            RecordingPending = ended.RecordingPending,
            FailedReason = Blank(ended.FailedReason),
        });
    }

    private static MappedCallEvent Recording(Proto.RecordingReady recording, string eventId, DateTimeOffset at)
    {
        const string path = "event.recording_ready";
        var callId = RequiredId(recording.CallId, $"{path}.call_id");
        if (!Uri.TryCreate(recording.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new InvalidPbxEventException($"{path}.url", "must be an absolute http or https URL");
        }

        var fileName = Blank(recording.FileName);
        if (fileName is not null && !RecordingFileNames.HasSupportedExtension(fileName))
        {
            throw new InvalidPbxEventException($"{path}.file_name", "must end in .mp3 or .wav");
        }

        return new MappedCallEvent(callId, new RecordingReady { EventId = eventId, OccurredAt = at, Url = url, FileName = fileName });
    }

    private static MappedExtensionEvent Extension(Proto.ExtensionStateChanged change, string eventId, DateTimeOffset at)
    {
        const string path = "event.extension_state_changed";
        var extension = Required(change.Extension, $"{path}.extension", "is required");
        var state = change.State switch
        {
            Proto.ExtensionState.Idle => ExtensionState.Idle,
            Proto.ExtensionState.Busy => ExtensionState.Busy,
            Proto.ExtensionState.DoNotDisturb => ExtensionState.DoNotDisturb,
            Proto.ExtensionState.Offline => ExtensionState.Offline,
            _ => throw new InvalidPbxEventException($"{path}.state", "must be set"),
        };
        return new MappedExtensionEvent(new ExtensionStateChanged(eventId, at, extension, state));
    }

    private static string RequiredId(string value, string field)
    {
        var id = Required(value, field, "is required");
        return id.Length <= MaxIdLength
            ? id
            : throw new InvalidPbxEventException(field, $"must be at most {MaxIdLength} characters");
    }

    private static string Required(string? value, string field, string problem) =>
        Blank(value) ?? throw new InvalidPbxEventException(field, problem);

    private static DateTimeOffset Time(Timestamp? timestamp, string field)
    {
        if (timestamp is null)
        {
            throw new InvalidPbxEventException(field, "is required");
        }

        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new InvalidPbxEventException(field, "is not a valid timestamp");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
