namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>A family of REST methods (telephony calls, lines, events…) registered in DI.</summary>
public interface IRestMethodGroup
{
    /// <summary>The methods of the family.</summary>
    IEnumerable<RestMethod> Methods { get; }
}
