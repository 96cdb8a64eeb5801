using System.Text;

namespace TelephonyHub.PortalEmulator.Portals;

/// <summary>Renders a snapshot as text for barrier timeouts: what a developer needs to see why a wait failed.</summary>
internal static class PortalSnapshotDescription
{
    private const int LastRequests = 15;

    public static string Describe(PortalSnapshot s)
    {
        var text = new StringBuilder();
        text.Append($"portal {s.Domain} (member_id {s.MemberId}, version {s.Version})\n");
        text.Append("  cards: ");
        text.Append(s.Cards.IsEmpty ? "none" : string.Join(", ", s.Cards.Select(c => $"user {c.UserId} sees {c.CallId}")));
        text.Append("\n  active calls: ");
        text.Append(s.ActiveCalls.IsEmpty
            ? "none"
            : string.Join(", ", s.ActiveCalls.Select(c => $"{c.CallId} (user {c.UserId}, type {(int)c.Type}, ext {c.ExternalCallId ?? "-"})")));
        text.Append("\n  call log: ");
        text.Append(s.CallLog.IsEmpty
            ? "none"
            : string.Join(", ", s.CallLog.Select(r => $"{r.CallId} (user {r.UserId}, {r.Duration}s, {r.StatusCode}, record {r.Recording?.FileName ?? "-"})")));
        text.Append($"\n  last {LastRequests} requests:");
        foreach (var r in s.Requests.Skip(Math.Max(0, s.Requests.Count - LastRequests)))
        {
            text.Append($"\n    #{r.Sequence} {r.Method} → {r.StatusCode}{(r.ErrorCode is null ? "" : $" {r.ErrorCode} {r.ErrorDescription}")}");
        }

        return text.ToString();
    }
}
