namespace TelephonyHub.Grains.Portals;

/// <summary>The OAuth server could not be reached or answered with a transient error; try again later.</summary>
public sealed class Bitrix24RefreshFailedException(string message) : Exception(message);
