namespace TelephonyHub.Abstractions.Pbx;

/// <summary>Click-to-call: ring the user's extension, then dial the customer.</summary>
[GenerateSerializer, Immutable, Alias("pbx-originate-v1")]
public sealed record OriginateCallCommand(
    [property: Id(0)] string Extension,
    [property: Id(1)] string Number,
    [property: Id(2)] string? LineNumber,
    [property: Id(3)] string? Bitrix24CallId) : PbxCommand
{
    /// <summary>A callback form's text, to speak to the operator before the customer is dialled.</summary>
    [Id(4)] public string? Announcement { get; init; }

    /// <summary>The text-to-speech voice Bitrix24 named for <see cref="Announcement"/>.</summary>
    [Id(5)] public string? AnnouncementVoice { get; init; }
}
