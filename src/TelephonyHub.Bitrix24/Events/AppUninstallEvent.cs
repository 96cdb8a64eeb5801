namespace TelephonyHub.Bitrix24.Events;

/// <summary>
/// <c>ONAPPUNINSTALL</c> (reference §4.4): the app was removed and API access is already revoked. The
/// <c>application_token</c> comparison is the only proof it came from Bitrix24.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-app-uninstall-event-v1")]
public sealed record AppUninstallEvent
{
    /// <summary><c>LANGUAGE_ID</c>.</summary>
    [Id(0)] public string? LanguageId { get; init; }

    /// <summary><c>CLEAN</c>: the admin asked to delete the app's data.</summary>
    [Id(1)] public bool Clean { get; init; }

    /// <summary>The event's <c>auth</c> block (no tokens).</summary>
    [Id(2)] public required Bitrix24EventAuth Auth { get; init; }

    /// <summary>The typed view of <paramref name="evt"/>, or why it is not one.</summary>
    public static Bitrix24ParseResult<AppUninstallEvent> From(Bitrix24Event evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (EventDataReader.CheckCode(evt, Bitrix24EventCodes.AppUninstall) is { } wrongCode)
        {
            return Bitrix24ParseResult<AppUninstallEvent>.Failure(wrongCode);
        }

        var data = new EventDataReader(evt);
        return Bitrix24ParseResult<AppUninstallEvent>.Success(new AppUninstallEvent
        {
            LanguageId = data.OptionalText("LANGUAGE_ID"),
            Clean = data.OptionalFlag("CLEAN") ?? false,
            Auth = evt.Auth,
        });
    }
}
