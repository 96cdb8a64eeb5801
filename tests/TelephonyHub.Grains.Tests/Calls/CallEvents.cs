using TelephonyHub.Abstractions.Calls;

namespace TelephonyHub.Grains.Tests.Calls;

/// <summary>Builds PBX call events with fresh ids on one clock, for decision tests.</summary>
internal sealed class CallEvents(DateTimeOffset start)
{
    private int _sequence;

    public DateTimeOffset Now { get; private set; } = start;

    public CallEvents After(TimeSpan elapsed)
    {
        Now += elapsed;
        return this;
    }

    public CallStarted InboundTo(string? extension, string from = "+4930123456", string line = "7") => new()
    {
        EventId = NextId(), OccurredAt = Now, Direction = CallDirection.Inbound, CustomerNumber = from,
        Extension = extension, LineNumber = line,
    };

    public CallStarted OutboundFrom(string extension, string to = "+4930999888") => new()
    {
        EventId = NextId(), OccurredAt = Now, Direction = CallDirection.Outbound, CustomerNumber = to,
        Extension = extension,
    };

    public CallRinging Ringing(params string[] extensions) => new()
    {
        EventId = NextId(), OccurredAt = Now, Extensions = [.. extensions],
    };

    public CallAnswered Answered(string extension) => new() { EventId = NextId(), OccurredAt = Now, Extension = extension };

    public CallTransferred Transferred(string to) => new() { EventId = NextId(), OccurredAt = Now, ToExtension = to };

    public CallEnded Ended(CallOutcome outcome, bool recordingPending = false, int? talkSeconds = null, int? sipCode = null) => new()
    {
        EventId = NextId(), OccurredAt = Now, Outcome = outcome, RecordingPending = recordingPending,
        TalkSeconds = talkSeconds, SipCode = sipCode,
    };

    public RecordingReady Recording(string file = "call.mp3") => new()
    {
        EventId = NextId(), OccurredAt = Now, Url = new Uri($"http://127.0.0.1:9/{file}"), FileName = file,
    };

    private string NextId() => $"evt-{++_sequence}";
}
