namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// A <c>result</c> did not have the shape the reference documents. The client turns it into a
/// <see cref="Bitrix24ErrorKind.UnexpectedResponse"/> error; it never reaches callers of the client.
/// </summary>
public sealed class Bitrix24ResponseFormatException(string message) : Exception(message);
