using System.Net;

namespace TelephonyHub.PortalEmulator.Pages;

/// <summary>HTML helpers: encoding and the shared layout.</summary>
internal static class Html
{
    /// <summary>HTML-encodes text.</summary>
    public static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");

    /// <summary>A full page with the shared stylesheet.</summary>
    public static string Page(string title, string body, string script = "") => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{E(title)}}</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 0; background: #eef2f4; color: #333; }
        header { background: #2fc6f6; color: #fff; padding: 12px 24px; }
        header h1 { margin: 0; font-size: 20px; }
        header .meta { font-size: 12px; opacity: .9; }
        main { padding: 16px 24px; }
        section { background: #fff; border-radius: 8px; padding: 12px 16px; margin-bottom: 16px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
        h2 { font-size: 16px; margin: 0 0 8px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e5e9eb; }
        .card { display: inline-block; background: #ffefc2; border: 1px solid #f5c242; border-radius: 4px; padding: 1px 6px; margin: 1px; font-family: monospace; font-size: 11px; }
        .ok { color: #2a8a2a; } .bad { color: #c33; } .muted { color: #999; }
        button { background: #bbed21; border: 0; border-radius: 4px; padding: 3px 10px; cursor: pointer; }
        iframe { width: 100%; height: 600px; border: 1px solid #ccc; background: #fff; }
        code { font-size: 12px; }
        </style>
        </head>
        <body>
        {{body}}
        {{script}}
        </body>
        </html>
        """;
}
