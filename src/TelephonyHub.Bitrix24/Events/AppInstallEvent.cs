namespace TelephonyHub.Bitrix24.Events;

/// <summary>
/// <c>ONAPPINSTALL</c> (reference §3.2, §4.4): the app was installed. Carries the installing admin's access and
/// refresh tokens and the <c>application_token</c> to store for verifying every later event.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-app-install-event-v1")]
public sealed record AppInstallEvent
{
    /// <summary><c>VERSION</c> of the installed app.</summary>
    [Id(0)] public string? Version { get; init; }

    /// <summary><c>ACTIVE</c>.</summary>
    [Id(1)] public bool? Active { get; init; }

    /// <summary><c>INSTALLED</c>.</summary>
    [Id(2)] public bool? Installed { get; init; }

    /// <summary><c>LANGUAGE_ID</c>.</summary>
    [Id(3)] public string? LanguageId { get; init; }

    /// <summary>The event's <c>auth</c> block; its access and refresh tokens are present.</summary>
    [Id(4)] public required Bitrix24EventAuth Auth { get; init; }

    /// <summary>The typed view of <paramref name="evt"/>, or the field that is missing or malformed.</summary>
    public static Bitrix24ParseResult<AppInstallEvent> From(Bitrix24Event evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (EventDataReader.CheckCode(evt, Bitrix24EventCodes.AppInstall) is { } wrongCode)
        {
            return Bitrix24ParseResult<AppInstallEvent>.Failure(wrongCode);
        }

        // Without tokens an install cannot be used: nothing could be called on the portal.
        if (evt.Auth.AccessToken is null)
        {
            return Bitrix24ParseResult<AppInstallEvent>.Failure("auth[access_token]", "is missing");
        }

        if (evt.Auth.RefreshToken is null)
        {
            return Bitrix24ParseResult<AppInstallEvent>.Failure("auth[refresh_token]", "is missing");
        }

        var data = new EventDataReader(evt);
        return Bitrix24ParseResult<AppInstallEvent>.Success(new AppInstallEvent
        {
            Version = data.OptionalText("VERSION"),
            Active = data.OptionalFlag("ACTIVE"),
            Installed = data.OptionalFlag("INSTALLED"),
            LanguageId = data.OptionalText("LANGUAGE_ID"),
            Auth = evt.Auth,
        });
    }
}
