namespace TelephonyHub.Abstractions.Calls;

/// <summary>
/// Builds and reads the key of a call grain. A call is scoped to its portal: the same PBX call id on two portals
/// names two different calls, so a PBX authenticated for one portal can never reach another portal's call.
/// </summary>
public static class CallKey
{
    private const char Separator = '/';

    /// <summary>The grain key of PBX call <paramref name="pbxCallId"/> on portal <paramref name="portalId"/>.</summary>
    public static string For(string portalId, string pbxCallId)
    {
        ArgumentException.ThrowIfNullOrEmpty(portalId);
        ArgumentException.ThrowIfNullOrEmpty(pbxCallId);
        if (portalId.Contains(Separator))
        {
            throw new ArgumentException("A portal id cannot contain '/'.", nameof(portalId));
        }

        return string.Concat(portalId, Separator.ToString(), pbxCallId);
    }

    /// <summary>Splits a call grain key back into portal id and PBX call id.</summary>
    public static (string PortalId, string PbxCallId) Parse(string key)
    {
        var separator = key.IndexOf(Separator);
        if (separator <= 0 || separator == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a call key (portal/pbx-call-id).");
        }

        return (key[..separator], key[(separator + 1)..]);
    }
}
