using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Portals;

/// <inheritdoc cref="IRecentCallsGrain"/>
/// <remarks>
/// A busy portal finishes calls every second; the list is a convenience, so it is stored at most every
/// <see cref="WriteInterval"/> (and when the grain deactivates), not once per call. A silo crash can lose the
/// last few entries of the list — never a call record, which lives in Bitrix24.
/// </remarks>
public sealed class RecentCallsGrain(
    [PersistentState("recent-calls", StorageNames.Default)] IPersistentState<RecentCallsState> state) : Grain, IRecentCallsGrain
{
    public const int Capacity = 50;
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(10);

    private IGrainTimer? _pendingWrite;

    Task IRecentCallsGrain.RecordAsync(FinishedCallSummary call)
    {
        var calls = state.State.Calls.Insert(0, call);
        state.State = state.State with { Calls = calls.Length > Capacity ? calls.RemoveRange(Capacity, calls.Length - Capacity) : calls };
        _pendingWrite ??= this.RegisterGrainTimer(WriteAsync, new GrainTimerCreationOptions(WriteInterval, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    Task<ImmutableArray<FinishedCallSummary>> IRecentCallsGrain.GetAsync() => Task.FromResult(state.State.Calls);

    async Task IPortalPart.PurgeAsync()
    {
        _pendingWrite?.Dispose();
        _pendingWrite = null;
        state.State = new RecentCallsState();
        await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_pendingWrite is not null)
        {
            await WriteAsync();
        }
    }

    private async Task WriteAsync()
    {
        _pendingWrite?.Dispose();
        _pendingWrite = null;
        await state.WriteStateAsync();
    }
}
