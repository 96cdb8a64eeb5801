using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace TelephonyHub.Silo.Settings;

/// <summary>
/// Renders the settings page: plain server-side HTML that works inside Bitrix24's iframe without scripts, with
/// labelled controls and headings for screen readers. Every form posts the session token back.
/// </summary>
public static class SettingsPageRenderer
{
    public static string Render(SettingsView view)
    {
        var portal = view.Portal;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <header><h1>TelephonyHub</h1><p>{E(portal.Domain ?? portal.PortalId)}</p></header>
            <main>
            """);
        if (view.Notice is { } notice)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p role=\"status\" class=\"notice\">{E(notice)}</p>");
        }

        body.Append(Status(view));
        body.Append(Keys(view));
        body.Append(Extensions(view));
        body.Append("</main>");
        return Page(body.ToString());
    }

    public static string Refused(string why) => Page($"""
        <header><h1>TelephonyHub</h1></header>
        <main><p role="alert" class="error">{E(why)}</p></main>
        """);

    private static string Status(SettingsView view)
    {
        var pbx = view.Pbx.OpenStreams > 0
            ? $"connected ({view.Pbx.OpenStreams} stream{(view.Pbx.OpenStreams == 1 ? "" : "s")})"
            : view.Pbx.LastAttachedAt is { } last ? $"not connected (last seen {last:u})" : "never connected";
        var dispatch = view.Bitrix24;
        var bitrix24 = dispatch.PausedBecause ?? (dispatch.Pending == 0 ? "up to date"
            : string.Create(CultureInfo.InvariantCulture, $"{dispatch.Pending} request(s) waiting since {dispatch.OldestPendingSince:u}")
              + (dispatch.BackingOffUntil is { } retry ? string.Create(CultureInfo.InvariantCulture, $", the portal failed lately: next try {retry:u}") : ""));
        var traffic = string.Create(CultureInfo.InvariantCulture,
            $"{dispatch.Sent} sent in {dispatch.HttpRequests} HTTP request(s), {dispatch.Batched} in batches; {dispatch.Retried} retried, {dispatch.RejectedByLimit} refused by the rate limit, {dispatch.Failed} failed; paced to {dispatch.BucketCapacity} at {dispatch.BucketDrainPerSecond:0.#}/s ({dispatch.LicenseFamily ?? "plan not known yet"})");
        return $"""
            <section aria-labelledby="status"><h2 id="status">Connections</h2>
            <dl>
            <dt>Bitrix24 app</dt><dd id="app-state">{E(view.Portal.Lifecycle)}</dd>
            <dt>PBX</dt><dd id="pbx-state">{E(pbx)}</dd>
            <dt>Bitrix24 requests</dt><dd id="dispatch-state">{E(bitrix24)}{(view.Bitrix24.LastError is { } error ? $" — last error: {E(error)}" : "")}</dd>
            <dt>Bitrix24 traffic</dt><dd id="dispatch-traffic">{E(traffic)}</dd>
            <dt>Commands waiting for the PBX</dt><dd>{view.Pbx.PendingCommands}</dd>
            </dl></section>
            """;
    }

    private static string Keys(SettingsView view)
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

        var issued = view.NewKey is { } key2
            ? $"""<div class="new-key" role="status"><p>New key for <strong>{E(key2.Label)}</strong>. Copy it now: it is not shown again.</p><p><code id="new-key">{E(key2.FullKey)}</code></p></div>"""
            : "";
        return $"""
            <section aria-labelledby="keys"><h2 id="keys">PBX API keys</h2>
            <p>A PBX connects with <code>authorization: Bearer &lt;key&gt;</code>. Keys are stored hashed.</p>
            {issued}
            <table><thead><tr><th scope="col">Label</th><th scope="col">Key id</th><th scope="col">Issued</th><th scope="col">State</th><th scope="col"></th></tr></thead>
            <tbody>{rows}</tbody></table>
            <form method="post" action="{SettingsPageEndpoints.IssueKeyPath}">{Session(view)}
            <label for="label">Label</label> <input id="label" name="label" required maxlength="80" placeholder="e.g. asterisk-main">
            <button type="submit">Issue key</button></form>
            </section>
            """;
    }

    private static string Extensions(SettingsView view)
    {
        var rows = string.Concat(view.Portal.Extensions.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"<tr><td>{E(e.Key)}</td><td>{e.Value}</td></tr>"));
        var synced = view.Portal.UsersSyncedAt is { } at ? $"synced from Bitrix24 users {at:u}" : "not synced yet";
        return $"""
            <section aria-labelledby="extensions"><h2 id="extensions">Extensions</h2>
            <p>{E(synced)}</p>
            <table><thead><tr><th scope="col">Extension</th><th scope="col">Bitrix24 user</th></tr></thead><tbody>{rows}</tbody></table>
            </section>
            """;
    }

    private static string Session(SettingsView view) => $"""<input type="hidden" name="session" value="{E(view.SessionToken)}">""";

    private static string Page(string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>TelephonyHub settings</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:0;color:#1f2d3d;background:#f5f7f8}
        header{background:#2fc6f6;color:#fff;padding:.75rem 1.25rem}header h1{margin:0;font-size:1.3rem}header p{margin:.2rem 0 0}
        main{padding:1rem 1.25rem;max-width:60rem}section{background:#fff;border-radius:6px;padding:.75rem 1rem;margin-bottom:1rem}
        h2{font-size:1.1rem;margin:.2rem 0 .6rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e6e9eb}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}
        .new-key{background:#e8f9e8;padding:.5rem .75rem;border-radius:4px}.error{color:#b3261e}.notice{color:#1b5e20}
        button{background:#2fc6f6;border:0;color:#fff;padding:.35rem .8rem;border-radius:4px;cursor:pointer}button:focus,input:focus{outline:2px solid #1f2d3d}
        td form{margin:0}
        </style></head><body>{{body}}</body></html>
        """;

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
