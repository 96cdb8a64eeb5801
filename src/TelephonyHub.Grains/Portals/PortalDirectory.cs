using TelephonyHub.Bitrix24.Users;

namespace TelephonyHub.Grains.Portals;

/// <summary>Who owns which extension: the admin's overrides first, then what <c>user.get</c> reported.</summary>
public static class PortalDirectory
{
    public static long? UserOf(PortalState state, string extension) =>
        state.ExtensionOverrides.TryGetValue(extension, out var overridden) ? overridden
        : state.SyncedExtensions.TryGetValue(extension, out var synced) ? synced
        : null;

    public static ImmutableDictionary<string, long> UsersOf(PortalState state, ImmutableArray<string> extensions)
    {
        var users = ImmutableDictionary.CreateBuilder<string, long>();
        foreach (var extension in extensions.Distinct())
        {
            if (UserOf(state, extension) is { } user)
            {
                users[extension] = user;
            }
        }

        return users.ToImmutable();
    }

    /// <summary>
    /// Adds one page of <c>user.get</c>. The collected map replaces the synced one only when the last page is in, so
    /// calls never see a half-synced directory. Returns whether the sync is done.
    /// </summary>
    public static (PortalState State, bool Done) AddUserPage(PortalState state, Bitrix24UserPage page, DateTimeOffset now)
    {
        var collected = (state.UserSyncInProgress ?? ImmutableDictionary<string, long>.Empty).ToBuilder();
        var names = (state.UserNamesInProgress ?? ImmutableDictionary<long, string>.Empty).ToBuilder();
        foreach (var user in page.Users.Where(u => u.Active != false))
        {
            names[user.Id] = string.Join(' ', new[] { user.Name, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name
                ? name
                : $"User {user.Id}";
            if (user.PhoneInner is { } extension)
            {
                collected[extension.Trim()] = user.Id;
            }
        }

        return page.Next is null
            ? (state with
            {
                SyncedExtensions = collected.ToImmutable(),
                SyncedUsers = names.ToImmutable(),
                UserSyncInProgress = null,
                UserNamesInProgress = null,
                UsersSyncedAt = now,
            }, true)
            : (state with { UserSyncInProgress = collected.ToImmutable(), UserNamesInProgress = names.ToImmutable() }, false);
    }
}
