using System.Net;

namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>The admin API refused a request.</summary>
/// <param name="status">HTTP status.</param>
/// <param name="message">The emulator's explanation.</param>
public sealed class PortalEmulatorAdminException(HttpStatusCode status, string message) : Exception(message)
{
    /// <summary>HTTP status.</summary>
    public HttpStatusCode Status => status;
}
