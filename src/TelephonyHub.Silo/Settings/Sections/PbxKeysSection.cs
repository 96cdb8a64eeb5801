using System.Globalization;
using System.Text;
using static TelephonyHub.Silo.Settings.Html;

namespace TelephonyHub.Silo.Settings.Sections;

/// <summary>PBX API keys: issued here, shown once, stored hashed, revoked with one click.</summary>
public static class PbxKeysSection
{
    public static string Render(SettingsView view)
    {
        var rows = new StringBuilder();
        foreach (var key in view.Portal.PbxKeys.OrderByDescending(k => k.IssuedAt))
        {
            var state = key.RevokedAt is { } revoked ? $"revoked {revoked:u}" : "active";
            var revoke = key.RevokedAt is null
                ? $"""<form method="post" action="{SettingsPageEndpoints.RevokeKeyPath}">{Session(view)}<input type="hidden" name="keyId" value="{E(key.KeyId)}"><button type="submit" aria-label="Revoke key {E(key.Label)}">Revoke</button></form>"""
                : "";
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(key.Label)}</td><td><code>{E(key.KeyId)}</code></td><td>{key.IssuedAt:u}</td><td>{E(state)}</td><td>{revoke}</td></tr>");
        }

        var issued = view.NewKey is { } newKey
            ? $"""<div class="new-key" role="status"><p>New key for <strong>{E(newKey.Label)}</strong>. Copy it now: it is not shown again.</p><p><code id="new-key">{E(newKey.FullKey)}</code></p></div>"""
            : "";
        return $"""
            <section aria-labelledby="keys"><h2 id="keys">PBX API keys</h2>
            <p>A PBX connects with <code>authorization: Bearer &lt;key&gt;</code>. Keys are stored hashed.</p>
            {issued}
            <table><thead><tr><th scope="col">Label</th><th scope="col">Key id</th><th scope="col">Issued</th><th scope="col">State</th><th scope="col"><span class="muted">Action</span></th></tr></thead>
            <tbody>{rows}</tbody></table>
            <form class="row" method="post" action="{SettingsPageEndpoints.IssueKeyPath}">{Session(view)}
            <label for="label">Label</label> <input id="label" name="label" required maxlength="80" placeholder="e.g. asterisk-main">
            <button type="submit" id="issue-key">Issue key</button></form>
            </section>
            """;
    }
}
