namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>The record attached to a finished call (reference §5.4; one per call, a new one replaces it).</summary>
/// <param name="FileId">Drive file id returned as <c>FILE_ID</c>.</param>
/// <param name="FileName">File name (ends in .mp3 or .wav).</param>
/// <param name="Size">Bytes received.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content, so tests compare bytes without keeping them.</param>
/// <param name="Mode">How it arrived: <c>FILE_CONTENT</c>, <c>UPLOAD</c> (two-step) or <c>RECORD_URL</c>.</param>
public sealed record CallRecording(int FileId, string FileName, long Size, string Sha256, string Mode);
