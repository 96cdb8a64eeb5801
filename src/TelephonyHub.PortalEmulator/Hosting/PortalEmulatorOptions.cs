using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;

namespace TelephonyHub.PortalEmulator.Hosting;

/// <summary>
/// How the emulator runs. Standalone it is bound from the <c>PortalEmulator</c> configuration section;
/// in-process it is passed to <see cref="PortalEmulatorServer.StartAsync"/>.
/// </summary>
public sealed class PortalEmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1 for <see cref="PortalEmulatorServer.StartAsync"/>; 0 (default) picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>The emulator's clock: token expiry, limits, de-duplication window, request times. Default: system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Portals and apps to create at start, given in code; applied before <see cref="SeedFile"/>.</summary>
    public EmulatorSeed? Seed { get; set; }

    /// <summary>A JSON seed file (<see cref="EmulatorSeed"/>), relative to the binary's folder unless rooted; null: none.</summary>
    public string? SeedFile { get; set; }

    /// <summary>
    /// The URL apps and hub reach the emulator at (it goes into <c>client_endpoint</c>); null: the address
    /// Kestrel listens on, with wildcard hosts replaced by 127.0.0.1.
    /// </summary>
    public Uri? PublicBaseUri { get; set; }

    /// <summary>
    /// The <c>error</c> code of telephony validation errors: <c>""</c> as the server source sends (default) or
    /// <c>ERROR_CORE</c> as the docs say (reference §5.0, open question 1).
    /// </summary>
    [RegularExpression("^(|ERROR_CORE)$")]
    public string TelephonyErrorCode { get; set; } = "";

    /// <summary>
    /// The answer to a token the portal never issued: <c>NO_AUTH_FOUND</c> (default) or <c>invalid_token</c>
    /// (reference §9 item 3, open question 5). Revoked tokens always answer <c>invalid_token</c>.
    /// </summary>
    [RegularExpression("^(NO_AUTH_FOUND|invalid_token)$")]
    public string UnknownTokenError { get; set; } = "NO_AUTH_FOUND";

    /// <summary>Most request-log entries kept per portal; older ones are dropped (benchmarks send millions).</summary>
    [Range(100, 10_000_000)]
    public int RequestLogCapacity { get; set; } = 100_000;

    /// <summary>How long an event POST may take before it counts as failed, in seconds (there are no retries).</summary>
    [Range(1, 300)]
    public int EventTimeoutSeconds { get; set; } = 30;

    /// <summary>Logging set-up for <see cref="PortalEmulatorServer.StartAsync"/>; null: no logging.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    internal void CopyTo(PortalEmulatorOptions target)
    {
        target.Port = Port;
        target.TimeProvider = TimeProvider;
        target.Seed = Seed;
        target.SeedFile = SeedFile;
        target.PublicBaseUri = PublicBaseUri;
        target.TelephonyErrorCode = TelephonyErrorCode;
        target.UnknownTokenError = UnknownTokenError;
        target.RequestLogCapacity = RequestLogCapacity;
        target.EventTimeoutSeconds = EventTimeoutSeconds;
        target.ConfigureLogging = ConfigureLogging;
    }
}
