namespace TelephonyHub.Bitrix24.Events;

/// <summary>Why an inbound Bitrix24 POST could not be read: the offending field and what is wrong with it.</summary>
/// <param name="Field">The field as Bitrix24 names it on the wire, e.g. <c>auth[member_id]</c> or <c>data[CALL_ID]</c>.</param>
/// <param name="Message">What is wrong, e.g. "is missing".</param>
[GenerateSerializer, Immutable, Alias("b24-parse-error-v1")]
public sealed record Bitrix24ParseError([property: Id(0)] string Field, [property: Id(1)] string Message)
{
    /// <summary><c>data[CALL_ID] is missing</c>.</summary>
    public override string ToString() => Field + " " + Message;
}
