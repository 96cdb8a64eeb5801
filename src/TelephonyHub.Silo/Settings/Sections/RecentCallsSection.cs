using System.Globalization;
using System.Text;
using TelephonyHub.Abstractions.Calls;
using static TelephonyHub.Silo.Settings.Html;

namespace TelephonyHub.Silo.Settings.Sections;

/// <summary>The last calls and how they ended, as recorded in Bitrix24.</summary>
public static class RecentCallsSection
{
    public static string Render(SettingsView view)
    {
        var rows = new StringBuilder();
        foreach (var call in view.RecentCalls)
        {
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{call.StartedAt:u}</td><td>{(call.Direction == CallDirection.Inbound ? "in" : "out")}</td><td>{E(call.MaskedNumber)}</td><td>{E(UserName(view, call.UserId))}</td><td>{E(call.StatusCode)}</td><td>{call.DurationSeconds} s</td></tr>");
        }

        var empty = view.RecentCalls.IsEmpty ? "<p class=\"muted\">No call finished yet.</p>" : "";
        return $"""
            <section aria-labelledby="recent"><h2 id="recent">Last calls</h2>{empty}
            <table id="recent-calls"><thead><tr><th scope="col">Started</th><th scope="col">Direction</th><th scope="col">Number</th><th scope="col">User</th><th scope="col">Status</th><th scope="col">Talk</th></tr></thead><tbody>{rows}</tbody></table>
            </section>
            """;
    }
}
