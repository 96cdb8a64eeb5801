using System.Collections.Immutable;

namespace TelephonyHub.PortalEmulator.Events;

/// <summary>One event POST the portal made (or tried): Bitrix24 never retries (reference §4.1).</summary>
/// <param name="At">Emulator clock when sent.</param>
/// <param name="Event">Event code.</param>
/// <param name="Handler">Handler URL.</param>
/// <param name="Fields">The form body, field by field, in order.</param>
/// <param name="StatusCode">HTTP status the handler answered; null when it could not be reached.</param>
/// <param name="ResponseBody">What the handler answered (first 4 KiB), or the connection error.</param>
public sealed record EventDelivery(
    DateTimeOffset At, string Event, string Handler, ImmutableArray<EventField> Fields, int? StatusCode, string ResponseBody)
{
    /// <summary>The value of a field, e.g. <c>data[CALL_ID]</c>; null when absent.</summary>
    public string? Field(string name) => Fields.FirstOrDefault(f => f.Name == name)?.Value;

    /// <summary>True when the handler answered 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
