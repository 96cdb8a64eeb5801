using System.Globalization;
using System.Text;
using static TelephonyHub.Silo.Settings.Html;

namespace TelephonyHub.Silo.Settings.Sections;

/// <summary>Which user owns which extension: synced from Bitrix24 (<c>UF_PHONE_INNER</c>), overridable by hand.</summary>
public static class ExtensionsSection
{
    public static string Render(SettingsView view)
    {
        var portal = view.Portal;
        var rows = new StringBuilder();
        foreach (var (extension, user) in portal.Extensions.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var overridden = portal.ExtensionOverrides.ContainsKey(extension);
            var action = overridden
                ? $"""<form method="post" action="{SettingsPageEndpoints.ExtensionsPath}">{Session(view)}<input type="hidden" name="extension" value="{E(extension)}"><input type="hidden" name="userId" value=""><button type="submit" aria-label="Remove the override of extension {E(extension)}">Use synced</button></form>"""
                : "";
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(extension)}</td><td>{user}</td><td>{E(UserName(view, user))}</td><td>{(overridden ? "set by hand" : "synced")}</td><td>{action}</td></tr>");
        }

        var synced = portal.UsersSyncedAt is { } at ? $"Synced from Bitrix24 users {at:u}." : "Not synced yet.";
        return $"""
            <section aria-labelledby="extensions"><h2 id="extensions">Extensions</h2>
            <p>{E(synced)} A mapping set by hand wins over the synced one.</p>
            <table><thead><tr><th scope="col">Extension</th><th scope="col">User id</th><th scope="col">User</th><th scope="col">Source</th><th scope="col"><span class="muted">Action</span></th></tr></thead><tbody>{rows}</tbody></table>
            <form class="row" method="post" action="{SettingsPageEndpoints.ExtensionsPath}">{Session(view)}
            <label for="ext">Extension</label> <input id="ext" name="extension" required maxlength="32" size="8">
            <label for="ext-user">belongs to</label> {UserSelect(view, "ext-user", "userId", null, allowNone: false)}
            <button type="submit" id="set-extension">Set</button></form>
            </section>
            """;
    }

    /// <summary>A select of the portal's active users.</summary>
    public static string UserSelect(SettingsView view, string id, string name, long? selected, bool allowNone, string noneLabel = "")
    {
        var options = new StringBuilder();
        if (allowNone)
        {
            options.Append(CultureInfo.InvariantCulture, $"<option value=\"\"{(selected is null ? " selected" : "")}>{E(noneLabel)}</option>");
        }

        foreach (var (user, userName) in view.Portal.Users.OrderBy(u => u.Value, StringComparer.CurrentCulture))
        {
            options.Append(CultureInfo.InvariantCulture, $"<option value=\"{user}\"{(selected == user ? " selected" : "")}>{E(userName)} ({user})</option>");
        }

        return $"<select id=\"{id}\" name=\"{name}\">{options}</select>";
    }
}
