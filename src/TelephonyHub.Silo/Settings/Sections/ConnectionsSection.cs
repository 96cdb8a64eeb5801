using static TelephonyHub.Silo.Settings.Html;

namespace TelephonyHub.Silo.Settings.Sections;

/// <summary>Is the app installed, is a PBX connected, is Bitrix24 keeping up.</summary>
public static class ConnectionsSection
{
    public static string Render(SettingsView view)
    {
        var pbx = view.Pbx.OpenStreams > 0
            ? $"connected ({view.Pbx.OpenStreams} stream{(view.Pbx.OpenStreams == 1 ? "" : "s")})"
            : view.Pbx.LastAttachedAt is { } last ? $"not connected (last seen {last:u})" : "never connected";
        var bitrix24 = view.Bitrix24.PausedBecause ?? (view.Bitrix24.Pending == 0 ? "up to date" : $"{view.Bitrix24.Pending} request(s) waiting");
        var oldest = view.Bitrix24.OldestPendingSince is { } since ? $", oldest since {since:u}" : "";
        return $"""
            <section aria-labelledby="status"><h2 id="status">Connections</h2>
            <dl>
            <dt>Bitrix24 app</dt><dd id="app-state">{E(view.Portal.Lifecycle)}</dd>
            <dt>PBX</dt><dd id="pbx-state">{E(pbx)}</dd>
            <dt>Bitrix24 requests</dt><dd id="dispatch-state">{E(bitrix24 + oldest)}{(view.Bitrix24.LastError is { } error ? $" — last error: {E(error)}" : "")}</dd>
            <dt>Sent to Bitrix24</dt><dd>{view.Bitrix24.Sent} method call(s) in {view.Bitrix24.HttpRequests} HTTP request(s); {view.Bitrix24.Retried} retried, {view.Bitrix24.Failed} failed</dd>
            <dt>Commands waiting for the PBX</dt><dd>{view.Pbx.PendingCommands}</dd>
            </dl></section>
            """;
    }
}
