namespace TelephonyHub.Grains.Calls;

/// <summary>Attach the recording to the finished call (<c>telephony.externalCall.attachRecord</c>).</summary>
[GenerateSerializer, Immutable, Alias("call-effect-attach-record-v1")]
public sealed record AttachRecordingEffect : CallEffect
{
    [Id(0)] public required RecordingReady Recording { get; init; }
}
