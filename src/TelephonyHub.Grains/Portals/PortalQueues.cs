using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Grains.Portals;

/// <summary>A portal's call queues: storing them (validated), and resolving the one a call goes to.</summary>
public static class PortalQueues
{
    public static (PortalState State, QueueSaveResult Result) Save(PortalState state, QueueDefinition queue)
    {
        var clean = queue with
        {
            LineNumber = queue.LineNumber.Trim(),
            Name = queue.Name.Trim(),
            Overflow = queue.Overflow is { Kind: QueueOverflowKind.Extension, Extension: { } extension }
                ? queue.Overflow with { Extension = extension.Trim() }
                : queue.Overflow,
        };
        var errors = QueueDefinitionValidator.Validate(clean, state);
        if (!errors.IsEmpty)
        {
            return (state, new QueueSaveResult(errors));
        }

        var queues = state.Settings.Queues.RemoveAll(q => q.LineNumber == clean.LineNumber).Add(clean);
        return (WithQueues(state, queues), QueueSaveResult.Saved);
    }

    public static (PortalState State, bool Removed) Remove(PortalState state, string lineNumber)
    {
        var queues = state.Settings.Queues.RemoveAll(q => q.LineNumber == lineNumber.Trim());
        return queues.Length == state.Settings.Queues.Length ? (state, false) : (WithQueues(state, queues), true);
    }

    /// <summary>Default queue first, then by line.</summary>
    public static ImmutableArray<QueueDefinition> Ordered(PortalState state) =>
        [.. state.Settings.Queues.OrderBy(q => q.LineNumber.Length == 0 ? 0 : 1).ThenBy(q => q.LineNumber, StringComparer.Ordinal)];

    /// <summary>The line's own queue, else the default queue, with the members' extensions as of now.</summary>
    public static CallQueue? ForLine(PortalState state, string? lineNumber)
    {
        var line = lineNumber?.Trim() ?? "";
        var queue = state.Settings.Queues.FirstOrDefault(q => q.LineNumber == line && line.Length > 0)
            ?? state.Settings.Queues.FirstOrDefault(q => q.LineNumber.Length == 0);
        if (queue is null)
        {
            return null;
        }

        // A member whose extension went away since the queue was saved cannot be rung: left out of this call.
        var members = queue.Members
            .Select(user => ExtensionOf(state, user) is { } extension ? new QueueMember(user, extension) : null)
            .OfType<QueueMember>()
            .ToImmutableArray();
        var overflow = queue.Overflow;
        if (overflow is { Kind: QueueOverflowKind.User, UserId: { } overflowUser })
        {
            overflow = ExtensionOf(state, overflowUser) is { } extension ? overflow with { Extension = extension } : QueueOverflow.HangUp;
        }

        return new CallQueue
        {
            Name = queue.Name,
            LineNumber = queue.LineNumber,
            Mode = queue.Mode,
            Members = members,
            StepTime = queue.StepTime,
            Rounds = queue.Rounds,
            Overflow = overflow,
        };
    }

    /// <summary>The extension the PBX rings for a user: an admin's override first, then the synced one (lowest first).</summary>
    public static string? ExtensionOf(PortalState state, long userId) =>
        state.ExtensionOverrides.Where(e => e.Value == userId).Select(e => e.Key).Order(StringComparer.Ordinal).FirstOrDefault()
        ?? state.SyncedExtensions.Where(e => e.Value == userId && !state.ExtensionOverrides.ContainsKey(e.Key))
            .Select(e => e.Key).Order(StringComparer.Ordinal).FirstOrDefault();

    private static PortalState WithQueues(PortalState state, ImmutableArray<QueueDefinition> queues) =>
        state with { Settings = state.Settings with { Queues = queues } };
}
