namespace TelephonyHub.Bitrix24.Rest;

/// <summary>One named child of a decoded PHP-bracket form node (<c>data[CALL_ID]</c> → key <c>CALL_ID</c>).</summary>
[GenerateSerializer, Immutable, Alias("b24-php-form-entry-v1")]
public sealed record PhpFormEntry([property: Id(0)] string Key, [property: Id(1)] PhpFormNode Node);
