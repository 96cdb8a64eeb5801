namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>A REST method the portal serves.</summary>
/// <param name="Name">Lower-case name (method lookup is case-insensitive, reference §1.1).</param>
/// <param name="Scope">Scope the app needs; <c>basic</c> is always granted.</param>
/// <param name="Handler">The implementation; throws <see cref="RestMethodException"/> for error answers.</param>
public sealed record RestMethod(string Name, string Scope, Func<RestCall, CancellationToken, ValueTask<RestResult>> Handler)
{
    /// <summary>Only OAuth applications may call it; webhooks get 403 <c>WRONG_AUTH_TYPE</c> (reference §5.0).</summary>
    public bool AppOnly { get; init; }

    /// <summary>False for methods that may not run inside a batch (<c>batch</c> itself, reference §1.6).</summary>
    public bool AllowedInBatch { get; init; } = true;

    /// <summary>False for methods not counted in the operating-time budget (<c>batch</c>, reference §1.6).</summary>
    public bool ChargesOperatingTime { get; init; } = true;

    /// <summary>A synchronous method.</summary>
    public static RestMethod Sync(string name, string scope, Func<RestCall, RestResult> handler) =>
        new(name, scope, (call, _) => ValueTask.FromResult(handler(call)));
}
