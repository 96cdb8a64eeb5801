using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>Pure operations on the per-app lines table (reference §5.7).</summary>
public static class ExternalLines
{
    /// <summary>Longest line number kept (register cuts longer ones, reference §5.1).</summary>
    public const int MaxNumberLength = 50;

    /// <summary>Trims and cuts a line number; null when empty.</summary>
    public static string? Clean(string? number)
    {
        var trimmed = number?.Trim() ?? "";
        return trimmed.Length == 0 ? null : trimmed[..Math.Min(trimmed.Length, MaxNumberLength)];
    }

    /// <summary>The app's line with that number, or null.</summary>
    public static ExternalLine? Find(PortalSnapshot s, string clientId, string number) =>
        s.Lines.Find(l => l.ClientId == clientId && l.Number == number);

    /// <summary>Adds a line and returns it.</summary>
    public static (PortalSnapshot Next, ExternalLine Line) Add(PortalSnapshot s, string clientId, string number, string? name, bool crmAutoCreate)
    {
        var line = new ExternalLine(s.LastRowId + 1, clientId, number, name, crmAutoCreate);
        return (s with { Lines = s.Lines.Add(line), LastRowId = line.Id }, line);
    }

    /// <summary>Unknown line numbers given to register become lines of the app (newest server source, reference §5.1).</summary>
    public static PortalSnapshot Ensure(PortalSnapshot s, string clientId, string? number) =>
        number is null || Find(s, clientId, number) is not null ? s : Add(s, clientId, number, null, crmAutoCreate: true).Next;
}
