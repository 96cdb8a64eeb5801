namespace TelephonyHub.Grains.ClickToCall;

/// <summary>Why a click could not be placed, as the Bitrix24 finish reports it to the user.</summary>
/// <param name="StatusCode">Bitrix24 <c>STATUS_CODE</c> (reference §5.3).</param>
/// <param name="Reason">The <c>FAILED_REASON</c>: a sentence the user can act on.</param>
[GenerateSerializer, Immutable, Alias("click-failure-v1")]
public sealed record ClickFailure([property: Id(0)] string StatusCode, [property: Id(1)] string Reason);
