namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>A parameter as it arrived, flattened: <c>USER_ID[0]</c> = <c>11</c>, or a JSON path with its JSON text.</summary>
/// <param name="Name">Flattened name in PHP bracket form.</param>
/// <param name="Value">Value as text (JSON bodies: strings unquoted, other scalars as JSON literals).</param>
public sealed record RequestParameter(string Name, string Value);
