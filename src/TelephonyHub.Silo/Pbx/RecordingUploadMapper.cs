using Google.Protobuf.WellKnownTypes;
using TelephonyHub.Grains.Recordings;
using Proto = TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Silo.Pbx;

/// <summary>Checks an <c>UploadRecording</c> header against the contract; every problem names the field as the proto spells it.</summary>
public static class RecordingUploadMapper
{
    private const int MaxIdLength = 128;
    private const int MaxFileNameLength = 200;

    /// <exception cref="InvalidPbxEventException">The header is missing or breaks the contract.</exception>
    public static RecordingUpload Map(Proto.RecordingUploadHeader? header, long maxBytes)
    {
        if (header is null)
        {
            throw new InvalidPbxEventException("header", "is required in the first message of the upload");
        }

        var eventId = Id(header.EventId, "header.event_id");
        var occurredAt = Time(header.OccurredAt, "header.occurred_at");
        var callId = Id(header.CallId, "header.call_id");
        var fileName = header.FileName?.Trim() ?? "";
        if (fileName.Length == 0)
        {
            throw new InvalidPbxEventException("header.file_name", "is required");
        }

        if (fileName.Length > MaxFileNameLength || fileName.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new InvalidPbxEventException("header.file_name", $"must be a plain file name of at most {MaxFileNameLength} characters");
        }

        var format = RecordingFormats.FromFileName(fileName)
            ?? throw new InvalidPbxEventException("header.file_name", "must end in .mp3 or .wav");
        RecordingFormat? typed;
        try
        {
            typed = RecordingFormats.FromContentType(header.ContentType);
        }
        catch (InvalidRecordingException ex)
        {
            throw new InvalidPbxEventException("header.content_type", ex.Message);
        }

        if (typed is { } claimed && claimed != format)
        {
            throw new InvalidPbxEventException("header.content_type",
                $"says {RecordingFormats.Describe(claimed)} but file_name says {RecordingFormats.Describe(format)}");
        }

        if (header.TotalSize <= 0 || header.TotalSize > maxBytes)
        {
            throw new InvalidPbxEventException("header.total_size", $"must be between 1 and the hub's limit of {maxBytes} bytes");
        }

        return new RecordingUpload(eventId, occurredAt, callId, fileName, format, header.TotalSize);
    }

    private static string Id(string? value, string field)
    {
        var id = value?.Trim() ?? "";
        return id.Length == 0 ? throw new InvalidPbxEventException(field, "is required")
            : id.Length > MaxIdLength ? throw new InvalidPbxEventException(field, $"must be at most {MaxIdLength} characters")
            : id;
    }

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
}
