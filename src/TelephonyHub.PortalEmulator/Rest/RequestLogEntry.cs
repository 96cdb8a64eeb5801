using System.Collections.Immutable;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>
/// One REST method call the portal received, in arrival order. A batch appears once with
/// <see cref="Encoding"/> of its HTTP request, and each inner command again with <see cref="BatchSequence"/>
/// pointing at it, so tests can count HTTP requests and method calls separately.
/// </summary>
public sealed record RequestLogEntry
{
    /// <summary>Arrival order on this portal, from 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>Emulator clock.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Method name as sent (<c>telephony.externalCall.register.json</c>).</summary>
    public required string MethodAsSent { get; init; }

    /// <summary>Lower-case method without suffix (<c>telephony.externalcall.register</c>).</summary>
    public required string Method { get; init; }

    /// <summary>How the parameters arrived.</summary>
    public required RequestEncoding Encoding { get; init; }

    /// <summary>Parameters flattened in arrival order; the <c>auth</c> value is redacted.</summary>
    public required ImmutableArray<RequestParameter> Parameters { get; init; }

    /// <summary>The JSON body as received, <c>auth</c> redacted; null for other encodings.</summary>
    public string? JsonBody { get; init; }

    /// <summary>Application whose token was used; null for webhooks or failed auth.</summary>
    public string? ClientId { get; init; }

    /// <summary>User behind the token or webhook; null when auth failed.</summary>
    public int? UserId { get; init; }

    /// <summary>HTTP status of the answer (inner batch commands: the status they would have had alone).</summary>
    public required int StatusCode { get; init; }

    /// <summary>The <c>error</c> code answered, or null on success (an empty string is a real Bitrix24 code).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The <c>error_description</c> answered, or null on success.</summary>
    public string? ErrorDescription { get; init; }

    /// <summary>For inner batch commands: the <see cref="Sequence"/> of their batch.</summary>
    public long? BatchSequence { get; init; }

    /// <summary>For inner batch commands: the command key (<c>cmd[key]</c>).</summary>
    public string? BatchCommandKey { get; init; }

    /// <summary>The value of a flattened parameter (<c>USER_ID[0]</c>), or null.</summary>
    public string? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name)?.Value;

    /// <summary>True when this entry was an HTTP request of its own (not a command inside a batch).</summary>
    public bool IsHttpRequest => BatchSequence is null;
}
