using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Apps;

/// <summary>
/// <c>app.info</c> (reference §3.5): the app's status on the portal and the portal's plan. Sent to the OAuth
/// server's <c>/rest/</c> it also proves a token belongs to this app.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-get-app-info-v1")]
public sealed record GetAppInfo : Bitrix24Request<AppInfo>
{
    /// <inheritdoc />
    public override string Method => "app.info";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters)
    {
        // No parameters: the answer is about the token's app and portal.
    }

    /// <inheritdoc />
    public override AppInfo ParseResult(Bitrix24RawResult raw)
    {
        var result = raw.Result.RequireObject("The app info");
        return new AppInfo
        {
            Id = result.Long("ID"),
            Code = result.Text("CODE"),
            Version = result.Long("VERSION"),
            Status = result.Text("STATUS"),
            Installed = result.Bool("INSTALLED") ?? false,
            PaymentExpired = result.Bool("PAYMENT_EXPIRED"),
            Days = result.Long("DAYS"),
            LanguageId = result.Text("LANGUAGE_ID"),
            License = result.Text("LICENSE"),
            LicenseType = result.Text("LICENSE_TYPE"),
            LicenseFamily = result.Text("LICENSE_FAMILY"),
        };
    }
}
