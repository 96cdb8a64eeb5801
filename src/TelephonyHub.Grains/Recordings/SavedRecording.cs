namespace TelephonyHub.Grains.Recordings;

/// <summary>What the store wrote: the size and the SHA-256 (lower-case hex) of the content.</summary>
public sealed record SavedRecording(long Size, string Sha256);
