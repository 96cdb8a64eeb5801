using System.Net;
using System.Text.RegularExpressions;
using TelephonyHub.PortalEmulator;

namespace TelephonyHub.Testing.World;

/// <summary>
/// Drives the hub's settings page over HTTP the way Bitrix24 and an admin's browser do: the frame POST with a fresh
/// user token (reference §3.2), then the page's own forms with the session token the page carries.
/// </summary>
public sealed partial class SettingsPageClient(HttpClient http, PortalEmulatorServer emulator, string clientId)
{
    /// <summary>Opens the page as <paramref name="userId"/> and returns its HTML and status.</summary>
    public async Task<(HttpStatusCode Status, string Html)> OpenAsync(string memberId, string domain, int userId)
    {
        var tokens = emulator.IssueTokens(memberId, clientId, userId);
        var form = new Dictionary<string, string>
        {
            ["AUTH_ID"] = tokens.AccessToken,
            ["AUTH_EXPIRES"] = tokens.ExpiresIn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["REFRESH_ID"] = tokens.RefreshToken,
            ["SERVER_ENDPOINT"] = new Uri(emulator.BaseUri, "rest/").AbsoluteUri,
            ["member_id"] = memberId,
            ["status"] = "F",
            ["PLACEMENT"] = "DEFAULT",
            ["PLACEMENT_OPTIONS"] = "{}",
        };
        using var response = await http.PostAsync(
            $"bitrix24/app?DOMAIN={Uri.EscapeDataString(domain)}&PROTOCOL=0&LANG=en&APP_SID=test", new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Issues a PBX key from an opened page and returns the full key the page shows once.</summary>
    public async Task<string> IssueKeyAsync(string pageHtml, string label)
    {
        using var response = await http.PostAsync("bitrix24/app/keys", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["session"] = SessionOf(pageHtml),
            ["label"] = label,
        }));
        var html = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        var key = NewKey().Match(html);
        return key.Success ? WebUtility.HtmlDecode(key.Groups[1].Value) : throw new InvalidOperationException($"The page showed no new key:{Environment.NewLine}{html}");
    }

    public async Task<(HttpStatusCode Status, string Html)> RevokeKeyAsync(string pageHtml, string keyId)
    {
        using var response = await http.PostAsync("bitrix24/app/keys/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["session"] = SessionOf(pageHtml),
            ["keyId"] = keyId,
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts one of the page's forms (<paramref name="path"/> under the hub) with the page's session token.</summary>
    public async Task<(HttpStatusCode Status, string Html)> SubmitAsync(string pageHtml, string path, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["session"] = SessionOf(pageHtml) };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        using var response = await http.PostAsync(path.TrimStart('/'), new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string SessionOf(string html)
    {
        var session = Session().Match(html);
        return session.Success ? WebUtility.HtmlDecode(session.Groups[1].Value) : throw new InvalidOperationException($"The page has no session token:{Environment.NewLine}{html}");
    }

    [GeneratedRegex("name=\"session\" value=\"([^\"]+)\"")]
    private static partial Regex Session();

    [GeneratedRegex("<code id=\"new-key\">([^<]+)</code>")]
    private static partial Regex NewKey();
}
