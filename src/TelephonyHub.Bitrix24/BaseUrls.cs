namespace TelephonyHub.Bitrix24;

/// <summary>Relative paths resolved against a configured base URL, keeping its path (<c>https://example.com/hub</c>).</summary>
public static class BaseUrls
{
    /// <summary>
    /// <paramref name="relative"/> under <paramref name="baseUrl"/>: a base without a trailing slash is taken as a folder,
    /// so <c>https://example.com/hub</c> + <c>bitrix24/events</c> is <c>https://example.com/hub/bitrix24/events</c>,
    /// not <c>https://example.com/bitrix24/events</c> as plain URL resolution would make it.
    /// </summary>
    public static Uri Combine(Uri baseUrl, string relative)
    {
        var folder = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new UriBuilder(baseUrl) { Path = baseUrl.AbsolutePath + "/" }.Uri;
        return new Uri(folder, relative.TrimStart('/'));
    }
}
