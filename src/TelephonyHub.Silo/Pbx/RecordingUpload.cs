using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Silo.Pbx;

/// <summary>An upload's header, checked: what the PBX says it is sending.</summary>
/// <param name="ClaimedFormat">The format the file name (and content type, when given) names; the content must agree.</param>
public sealed record RecordingUpload(
    string EventId, DateTimeOffset OccurredAt, string PbxCallId, string FileName, RecordingFormat ClaimedFormat, long TotalSize);
