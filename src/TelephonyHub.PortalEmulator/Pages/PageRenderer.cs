using System.Globalization;
using System.Text;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.Portals;
using static TelephonyHub.PortalEmulator.Pages.Html;

namespace TelephonyHub.PortalEmulator.Pages;

/// <summary>Renders the index, a portal's live page, and its live fragment.</summary>
public sealed class PageRenderer(EmulatorAddress address, AppCatalog apps)
{
    /// <summary>The list of portals.</summary>
    public string Index(IEnumerable<Portal> portals)
    {
        var rows = string.Concat(portals.Select(p => p.Snapshot).Select(s =>
            $"<tr><td><a href=\"/portals/{E(Uri.EscapeDataString(s.Domain))}/\">{E(s.Domain)}</a></td><td><code>{E(s.MemberId)}</code></td>" +
            $"<td>{s.Plan}</td><td>{s.Users.Count}</td><td>{s.ActiveCalls.Count}</td><td>{s.Cards.Count}</td></tr>"));
        return Page("Bitrix24 portal emulator", $"""
            <header><h1>Bitrix24 portal emulator</h1><div class="meta">OAuth server {E(address.ServerEndpoint)} · admin API {E(address.BaseUri)}admin/portals</div></header>
            <main><section><h2>Portals</h2>
            <table id="portals"><tr><th>Domain</th><th>member_id</th><th>Plan</th><th>Users</th><th>Active calls</th><th>Cards shown</th></tr>{rows}</table>
            </section></main>
            """);
    }

    /// <summary>A portal's page: header and user picker (preselecting <paramref name="actingAs"/>), the live part, and the refresh script.</summary>
    public string Portal(PortalSnapshot s, int? actingAs)
    {
        var users = string.Concat(s.Users.Where(u => u.Active).Select(u =>
            $"<option value=\"{u.Id}\"{(u.Id == actingAs ? " selected" : "")}>{E(u.FullName)} ({E(u.Extension ?? "no ext")})</option>"));
        var script = $$"""
            <script>
            let version = {{s.Version}};
            async function refresh() {
              try {
                const r = await fetch('live', { cache: 'no-store' });
                const live = await r.json();
                if (live.version !== version) { version = live.version; document.getElementById('live').innerHTML = live.html; }
              } catch (e) { }
              setTimeout(refresh, 1000);
            }
            setTimeout(refresh, 1000);
            </script>
            """;
        return Page(s.Domain, $"""
            <header><h1>{E(s.Domain)}</h1>
            <div class="meta">member_id <code>{E(s.MemberId)}</code> · plan {s.Plan} · client_endpoint <code>{E(address.ClientEndpoint(s.Domain))}</code> · <a href="/" style="color:#fff">all portals</a></div></header>
            <main>
            <section><label>Acting as <select id="actor">{users}</select></label></section>
            <div id="live">{Live(s)}</div>
            </main>
            """, script);
    }

    /// <summary>The part of the page that refreshes: users and their cards, calls, call log, CRM, apps, events.</summary>
    public string Live(PortalSnapshot s)
    {
        var html = new StringBuilder();
        html.Append("<section><h2>Users and the call cards on their screens now</h2><table id=\"users\"><tr><th>ID</th><th>Name</th><th>Extension</th><th>Role</th><th>Sees now</th></tr>");
        foreach (var u in s.Users)
        {
            var cards = string.Concat(s.CardsOf(u.Id).Select(c => $"<span class=\"card\">{E(c)}</span>"));
            html.Append(CultureInfo.InvariantCulture, $"<tr id=\"user-{u.Id}\"><td>{u.Id}</td><td>{E(u.FullName)}{(u.Active ? "" : " <span class=\"muted\">(fired)</span>")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(u.Extension)}</td><td>{(u.IsAdmin ? "admin" : "")}</td><td class=\"cards\">{(cards.Length == 0 ? "<span class=\"muted\">no card</span>" : cards)}</td></tr>");
        }

        html.Append("</table></section><section><h2>Active calls</h2><table id=\"active-calls\"><tr><th>CALL_ID</th><th>User</th><th>Number</th><th>Type</th><th>Line</th><th>CRM</th><th>Registered by</th></tr>");
        foreach (var c in s.ActiveCalls)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(c.CallId)}</code></td><td>{c.UserId}</td><td>{E(c.PhoneNumber)}</td><td>{c.Type}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(c.PortalNumber)}</td><td>{E(Crm(c.CrmEntityType?.ToString(), c.CrmEntityId))}</td><td>{E(c.RegisteredBy)}</td></tr>");
        }

        html.Append("</table></section><section><h2>Call log</h2><table id=\"call-log\"><tr><th>CALL_ID</th><th>User</th><th>Number</th><th>Type</th><th>Started</th><th>Duration</th><th>Status</th><th>Record</th><th>CRM</th></tr>");
        foreach (var r in s.CallLog.Reverse())
        {
            var status = $"<span class=\"{(r.CallStatus == 1 ? "ok" : "bad")}\">{E(r.StatusCode)}</span> {E(r.FailedReason)}";
            var record = r.Recording is { } rec ? $"{E(rec.FileName)} ({rec.Size} B)" : "<span class=\"muted\">none</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(r.CallId)}</code></td><td>{r.UserId}</td><td>{E(r.PhoneNumber)}</td><td>{r.Type}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(PhpDate(r.CallStartDate))}</td><td>{r.Duration} s</td><td>{status}</td><td>{record}</td><td>{E(Crm(r.CrmEntityType?.ToString(), r.CrmEntityId))}</td></tr>");
        }

        html.Append("</table></section><section><h2>CRM</h2><table id=\"crm\"><tr><th>Entity</th><th>Name</th><th>Responsible</th><th>Phones (click to call)</th></tr>");
        foreach (var e in s.Crm)
        {
            var phones = string.Concat(e.Phones.Select(p =>
                $"<form method=\"post\" action=\"click-to-call\" style=\"display:inline\" onsubmit=\"this.userId.value=document.getElementById('actor').value\">" +
                $"<input type=\"hidden\" name=\"userId\"><input type=\"hidden\" name=\"phone\" value=\"{E(p.Value)}\">" +
                $"<button type=\"submit\" class=\"call\" data-phone=\"{E(p.Value)}\">Call {E(p.Value)}</button></form> "));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.Type} {e.Id}</td><td>{E(e.DisplayName)}</td><td>{e.AssignedById}</td><td>{phones}</td></tr>");
        }

        html.Append("</table></section><section><h2>Apps</h2><table id=\"apps\"><tr><th>App</th><th>Lines</th><th>Handlers</th><th></th></tr>");
        foreach (var i in s.Installations)
        {
            var name = apps.Find(i.ClientId)?.Name ?? i.ClientId;
            var lines = string.Join(", ", s.Lines.Where(l => l.ClientId == i.ClientId).Select(l => l.Number));
            var handlers = string.Join("<br>", s.EventBindings.Where(b => b.ClientId == i.ClientId).Select(b => $"{E(b.Event)} → {E(b.Handler)}"));
            var open = !i.Finished ? InstallLink(i.ClientId) : $"<a class=\"open-app\" href=\"apps/{E(Uri.EscapeDataString(i.ClientId))}/open\" onclick=\"this.href=this.href.split('?')[0]+'?user='+document.getElementById('actor').value\">open app</a>";
            var state = i.Revoked ? " <span class=\"bad\">revoked</span>" : i.Finished ? "" : " <span class=\"muted\">installing</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(name)} <code>{E(i.ClientId)}</code>{state}</td><td>{E(lines)}</td><td>{handlers}</td><td>{open}</td></tr>");
        }

        // Apps with an installer page can be installed from here, as an admin does in Bitrix24 (reference §3.2 flow B).
        foreach (var app in apps.All.Where(a => a.InstallerPageUrl is not null && s.Installation(a.ClientId) is null or { Revoked: true }))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(app.Name)} <code>{E(app.ClientId)}</code> <span class=\"muted\">not installed</span></td><td></td><td></td><td>{InstallLink(app.ClientId)}</td></tr>");
        }

        html.Append("</table></section><section><h2>Events sent</h2><table id=\"events\"><tr><th>Time</th><th>Event</th><th>Handler</th><th>Answer</th></tr>");
        foreach (var d in s.EventDeliveries.Reverse().Take(20))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(PhpDate(d.At))}</td><td>{E(d.Event)}</td><td>{E(d.Handler)}</td><td class=\"{(d.Succeeded ? "ok" : "bad")}\">{E(d.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "unreachable")}</td></tr>");
        }

        return html.Append("</table></section>").ToString();
    }

    private static string Crm(string? type, int? id) => type is null ? "" : $"{type.ToUpperInvariant()} {id}";

    private static string PhpDate(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string InstallLink(string clientId) =>
        $"<a class=\"install-app\" href=\"apps/{E(Uri.EscapeDataString(clientId))}/install\" onclick=\"this.href=this.href.split('?')[0]+'?user='+document.getElementById('actor').value\">install</a>";
}
