using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.Bitrix24;

/// <summary>
/// Settings of the Bitrix24 REST and OAuth clients, bound from the configuration section <c>Bitrix24</c> by
/// <see cref="Bitrix24ServiceCollectionExtensions.AddBitrix24Client"/> and validated at start.
/// </summary>
public sealed class Bitrix24ClientOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Bitrix24";

    /// <summary>
    /// How long one REST or OAuth call may take, redirects included, before it fails as
    /// <see cref="Rest.Bitrix24ErrorKind.Transient"/>. Default 60 s: the cloud cuts requests off after 60 s
    /// (reference §1.1, §2.3).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a recording upload (<c>attachRecord</c> two-step flow) may take. Default 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many redirects (portal domain change, reference §1.1) one call follows. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 3;

    /// <summary>
    /// The OAuth server that issues and refreshes tokens. Default <c>https://oauth.bitrix.info/</c>; the
    /// Russian/“east” region uses <c>https://oauth.bitrix24.tech/</c> (reference §1.1).
    /// </summary>
    [Required]
    [AbsoluteHttpUrl]
    public Uri OAuthServerUrl { get; set; } = new("https://oauth.bitrix.info/");

    /// <summary>The app's <c>client_id</c> (<c>app.…</c> or <c>local.…</c>). Required; comes from configuration only.</summary>
    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The app's <c>client_secret</c>. Required; a secret: configuration only, never logged, sent only to the OAuth server.</summary>
    [Required]
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The <c>User-Agent</c> sent to portals; Bitrix24 asks for a real one (reference §1.1).</summary>
    [Required]
    public string UserAgent { get; set; } = "TelephonyHub-Bitrix24/1.0";
}
