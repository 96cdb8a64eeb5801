using System.Globalization;
using static TelephonyHub.Silo.Settings.Html;

namespace TelephonyHub.Silo.Settings.Sections;

/// <summary>Is the app installed, is a PBX connected, is Bitrix24 keeping up (and how it is paced).</summary>
public static class ConnectionsSection
{
    public static string Render(SettingsView view)
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
            <dt>Bitrix24 requests</dt><dd id="dispatch-state">{E(bitrix24)}{(dispatch.LastError is { } error ? $" — last error: {E(error)}" : "")}</dd>
            <dt>Bitrix24 traffic</dt><dd id="dispatch-traffic">{E(traffic)}</dd>
            <dt>Commands waiting for the PBX</dt><dd>{view.Pbx.PendingCommands}</dd>
            </dl></section>
            """;
    }
}
