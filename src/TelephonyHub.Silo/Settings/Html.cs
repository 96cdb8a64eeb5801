using System.Text.Encodings.Web;

namespace TelephonyHub.Silo.Settings;

/// <summary>The settings page's HTML shell and encoding: one place, so every section escapes the same way.</summary>
public static class Html
{
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>The hidden anti-forgery field every form of the page carries.</summary>
    public static string Session(SettingsView view) => $"""<input type="hidden" name="session" value="{E(view.SessionToken)}">""";

    public static string UserName(SettingsView view, long userId) =>
        view.Portal.Users.TryGetValue(userId, out var name) ? $"{name} ({userId})" : $"user {userId}";

    public static string Page(string body, string title = "TelephonyHub settings") => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}}</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:0;color:#1f2d3d;background:#f5f7f8}
        header{background:#2fc6f6;color:#fff;padding:.75rem 1.25rem}header h1{margin:0;font-size:1.3rem}header p{margin:.2rem 0 0}
        main{padding:1rem 1.25rem;max-width:60rem}section{background:#fff;border-radius:6px;padding:.75rem 1rem;margin-bottom:1rem}
        h2{font-size:1.1rem;margin:.2rem 0 .6rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e6e9eb}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}
        form.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-top:.6rem}
        .new-key{background:#e8f9e8;padding:.5rem .75rem;border-radius:4px}.error{color:#b3261e}.notice{color:#1b5e20}
        button{background:#2fc6f6;border:0;color:#fff;padding:.35rem .8rem;border-radius:4px;cursor:pointer}
        button:focus,input:focus,select:focus{outline:2px solid #1f2d3d}td form{margin:0}.muted{color:#6b7780}
        </style></head><body>{{body}}</body></html>
        """;
}
