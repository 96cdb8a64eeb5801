using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>One method invocation handed to a method handler.</summary>
/// <param name="Portal">The portal called.</param>
/// <param name="Auth">The caller.</param>
/// <param name="Parameters">Parameters.</param>
/// <param name="Method">Lower-case method name.</param>
/// <param name="Now">Emulator clock when the call started.</param>
/// <param name="TelephonyErrorCode">The <c>error</c> of telephony validation errors (<c>""</c> or <c>ERROR_CORE</c>).</param>
public sealed record RestCall(
    Portal Portal, RestAuth Auth, RestParameters Parameters, string Method, DateTimeOffset Now, string TelephonyErrorCode)
{
    /// <summary>Sequence of this call in the portal's request log.</summary>
    public long Sequence { get; init; }

    /// <summary>Log entries of inner batch commands, collected to be written right after the batch's own entry.</summary>
    public List<RequestLogEntry> InnerLog { get; } = [];

    /// <summary>A telephony validation error: HTTP 400 with <c>error</c> = "" (or ERROR_CORE) (reference §5.0).</summary>
    public RestMethodException Invalid(string description) => new(400, TelephonyErrorCode, description);
}
