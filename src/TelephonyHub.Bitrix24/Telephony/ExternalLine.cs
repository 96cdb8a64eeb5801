namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>One of the app's external lines (<c>telephony.externalLine.get</c>, reference §5.7).</summary>
/// <param name="Number">The line number.</param>
/// <param name="Name">The display name.</param>
/// <param name="CrmAutoCreate">Whether click-to-call on this line auto-creates CRM entities.</param>
[GenerateSerializer, Immutable, Alias("b24-external-line-v1")]
public sealed record ExternalLine([property: Id(0)] string Number, [property: Id(1)] string? Name, [property: Id(2)] bool CrmAutoCreate);
