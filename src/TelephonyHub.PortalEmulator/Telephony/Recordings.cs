using System.Security.Cryptography;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>Attaching a record file to a finished call (reference §5.4): one record per call, a new one replaces it.</summary>
public static class Recordings
{
    /// <summary>Checks the file name as the server does; null when valid, else the error text.</summary>
    public static string? FileNameError(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? "File name is empty"
        : fileName.EndsWith(".mp3", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? null
        : "Wrong file extension. Only wav and mp3 are allowed";

    /// <summary>Attaches the bytes to the statistics row of <paramref name="callId"/>; the file id, or null when the call is not finished.</summary>
    public static int? Attach(Portal portal, string callId, string fileName, byte[] content, string mode) =>
        Attach(portal, callId, fileName, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), mode);

    /// <summary>Attaches a file known by its size and SHA-256 (lower-case hex), for uploads hashed as they stream in.</summary>
    public static int? Attach(Portal portal, string callId, string fileName, long size, string sha256, string mode) =>
        portal.Update(s =>
        {
            if (s.Finished(callId) is not { } record)
            {
                return (s, (int?)null);
            }

            var fileId = s.LastRowId + 1;
            var recording = new CallRecording(fileId, fileName, size, sha256, mode);
            return (s with { CallLog = s.CallLog.Replace(record, record with { Recording = recording }), LastRowId = fileId }, (int?)fileId);
        });

    /// <summary>The error when the call has no statistics row yet.</summary>
    public const string NotFinished = "Call is not found in the statistic table. Looks like it is not finished yet.";

    /// <summary>True when the call has a statistics row.</summary>
    public static bool IsFinished(PortalSnapshot s, string callId) => s.Finished(callId) is not null;
}
