using PhoneNumbers;
using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Portals;

/// <summary>What the settings page may set, checked with messages an admin can act on.</summary>
public static class PortalSettingsRules
{
    public const int MaxExtensionLength = 32;
    public static readonly TimeSpan MaxRecordingWait = TimeSpan.FromHours(2);

    private static readonly IReadOnlySet<string> Regions = PhoneNumberUtil.GetInstance().GetSupportedRegions();

    /// <exception cref="ArgumentException">Why the override cannot be set.</exception>
    public static PortalState SetExtensionOverride(PortalState state, string extension, long? userId)
    {
        extension = extension.Trim();
        if (extension.Length is 0 or > MaxExtensionLength || !extension.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or '#' or '-' or '_'))
        {
            throw new ArgumentException($"An extension is 1 to {MaxExtensionLength} letters, digits, '*', '#', '-' or '_'.");
        }

        if (userId is not { } user)
        {
            return state with { ExtensionOverrides = state.ExtensionOverrides.Remove(extension) };
        }

        if (!state.SyncedUsers.ContainsKey(user))
        {
            throw new ArgumentException($"User {user} is not an active user of this portal (synced {state.UsersSyncedAt:u}).");
        }

        return state with { ExtensionOverrides = state.ExtensionOverrides.SetItem(extension, user) };
    }

    /// <exception cref="ArgumentException">Why the settings cannot be applied.</exception>
    public static PortalState UpdateCallHandling(PortalState state, CallHandlingSettings settings)
    {
        var region = settings.PhoneRegion.Trim().ToUpperInvariant();
        if (!Regions.Contains(region))
        {
            throw new ArgumentException($"'{settings.PhoneRegion}' is not a country code such as DE, US or RU.");
        }

        if (settings.RecordingMaxWait < TimeSpan.Zero || settings.RecordingMaxWait > MaxRecordingWait)
        {
            throw new ArgumentException($"The recording wait is 0 to {MaxRecordingWait.TotalMinutes:0} minutes.");
        }

        if (settings.FallbackUserId is { } fallback && !state.SyncedUsers.ContainsKey(fallback))
        {
            throw new ArgumentException($"User {fallback} is not an active user of this portal.");
        }

        return state with
        {
            Settings = state.Settings with
            {
                PhoneRegion = region,
                AddToChat = settings.AddToChat,
                RecordingMaxWait = settings.RecordingMaxWait,
                FallbackUserId = settings.FallbackUserId,
                PortalFetchesRecordingUrls = settings.PortalFetchesRecordingUrls,
            },
        };
    }

    public static CallHandlingSettings CallHandlingOf(PortalSettings settings) => new()
    {
        PhoneRegion = settings.PhoneRegion,
        AddToChat = settings.AddToChat,
        RecordingMaxWait = settings.RecordingMaxWait,
        FallbackUserId = settings.FallbackUserId,
        PortalFetchesRecordingUrls = settings.PortalFetchesRecordingUrls,
    };
}
