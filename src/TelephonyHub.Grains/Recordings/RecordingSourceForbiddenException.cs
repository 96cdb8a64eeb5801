namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// A recording URL leads to an address the hub does not fetch from (<see cref="RecordingSourceGuard"/>): refused for
/// good, not retried.
/// </summary>
public sealed class RecordingSourceForbiddenException(string message) : Exception(message);
