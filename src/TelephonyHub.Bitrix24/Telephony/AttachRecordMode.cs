namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>How <c>telephony.externalCall.attachRecord</c> gets the recording (reference §5.4, checked in this order).</summary>
public enum AttachRecordMode
{
    /// <summary><c>RECORD_URL</c>: Bitrix24 downloads the file once, synchronously.</summary>
    Url = 1,

    /// <summary><c>FILENAME</c> only: Bitrix24 returns an upload URL; POST the file there with <c>UploadRecordAsync</c>.</summary>
    Upload = 2,

    /// <summary><c>FILENAME</c> + <c>FILE_CONTENT</c> (Base64) in the request itself.</summary>
    Content = 3,
}
