namespace TelephonyHub.PortalEmulator.Hosting;

/// <summary>An admin or page request the emulator cannot carry out (unknown portal, app not installed…).</summary>
/// <param name="status">HTTP status for the admin API (404, 409, 400).</param>
/// <param name="message">What is wrong, for the test or operator.</param>
public sealed class EmulatorRequestException(int status, string message) : Exception(message)
{
    /// <summary>HTTP status.</summary>
    public int Status => status;
}
