using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Tracks each method's execution-time budget from the <c>time</c> blocks the portal sends (reference §2.2). A method
/// whose budget is used up is not called again until its oldest minute drops: better to wait than to be refused with
/// OPERATION_TIME_LIMIT. When the portal refuses anyway without saying until when, the last good answer's reset time
/// applies (reference §2.2: "until <c>operating_reset_at</c> of the last good response").
/// </summary>
public static class MethodBudgets
{
    /// <summary>When no answer ever said: the oldest of the ten one-minute buckets drops within a minute at the latest
    /// after it filled, so try again then.</summary>
    public static readonly TimeSpan UnknownResetWait = TimeSpan.FromMinutes(1);

    /// <summary>Remembers a method's reported budget and blocks the method when it is used up.</summary>
    public static DispatchState Observe(DispatchState state, string method, Bitrix24Timing? timing, DateTimeOffset now, DispatchOptions options)
    {
        if (timing?.Operating is not { } operating)
        {
            return state;
        }

        var key = method.ToLowerInvariant();
        state = state with
        {
            MethodBudgets = state.MethodBudgets.SetItem(key, new MethodBudget { Operating = operating, ResetAt = timing.OperatingResetAt, ObservedAt = now }),
        };
        return operating >= options.OperatingLimit && timing.OperatingResetAt is { } resetAt && resetAt > now
            ? Block(state, key, resetAt)
            : state;
    }

    /// <summary>The portal answered OPERATION_TIME_LIMIT: block the method until its budget frees up.</summary>
    public static DispatchState Refused(DispatchState state, string method, Bitrix24Error error, DateTimeOffset now)
    {
        var key = method.ToLowerInvariant();
        var lastGood = state.MethodBudgets.GetValueOrDefault(key)?.ResetAt;
        var until = error.OperatingResetAt is { } said && said > now ? said
            : lastGood is { } reset && reset > now ? reset
            : now + UnknownResetWait;
        return Block(state, key, until);
    }

    /// <summary>Forgets blocks that are over.</summary>
    public static DispatchState Prune(DispatchState state, DateTimeOffset now)
    {
        var over = state.BlockedMethods.Where(b => b.Value <= now).Select(b => b.Key).ToList();
        return over.Count == 0 ? state : state with { BlockedMethods = state.BlockedMethods.RemoveRange(over) };
    }

    private static DispatchState Block(DispatchState state, string key, DateTimeOffset until) =>
        state.BlockedMethods.TryGetValue(key, out var current) && current >= until
            ? state
            : state with { BlockedMethods = state.BlockedMethods.SetItem(key, until) };
}
