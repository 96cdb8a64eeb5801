namespace TelephonyHub.Grains.Recordings;

/// <summary>A recording the hub refuses to keep or attach: the message says why, for the PBX vendor and the logs.</summary>
public sealed class InvalidRecordingException(string reason) : Exception(reason);
