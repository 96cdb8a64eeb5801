using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>Upload tokens handed out by attachRecord; each works once.</summary>
public sealed class RecordUploads
{
    private readonly ConcurrentDictionary<string, PendingUpload> pending = new(StringComparer.Ordinal);

    /// <summary>A new token <c>telephony|{random}</c> for the upload URL.</summary>
    public string Promise(PendingUpload upload)
    {
        var token = "telephony|" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        pending[token] = upload;
        return token;
    }

    /// <summary>Takes the upload promised under a token; null when unknown or used.</summary>
    public PendingUpload? Take(string token) => pending.TryRemove(token, out var upload) ? upload : null;
}
