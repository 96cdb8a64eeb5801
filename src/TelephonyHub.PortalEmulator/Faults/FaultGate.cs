using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Faults;

/// <summary>Applies a portal's injected faults to an incoming REST request.</summary>
public sealed class FaultGate(TimeProvider time)
{
    /// <summary>Waits out the configured delay, then says whether the request is aborted, failed, or served.</summary>
    public async Task<(FaultAction Action, int Status)> ApplyAsync(Portal portal, CancellationToken cancellationToken)
    {
        var delay = portal.Snapshot.Faults.DelayMilliseconds;
        if (delay > 0)
        {
            // The timer is armed on the emulator clock before the request shows as held, so a test that sees it
            // held and then advances a fake clock always releases it.
            var hold = Task.Delay(TimeSpan.FromMilliseconds(delay), time, cancellationToken);
            portal.Update(s => s with { HeldRequests = s.HeldRequests + 1 });
            try
            {
                await hold.ConfigureAwait(false);
            }
            finally
            {
                portal.Update(s => s with { HeldRequests = s.HeldRequests - 1 });
            }
        }

        return portal.Update(s =>
        {
            var faults = s.Faults;
            if (!faults.FailsRequests)
            {
                return (s, (FaultAction.None, 0));
            }

            var action = faults.Unreachable ? FaultAction.Abort : FaultAction.ServerError;
            var status = faults.ServerErrorStatus ?? 0;
            var remaining = faults.RemainingFaultedRequests - 1;
            var next = remaining switch
            {
                null => faults,
                <= 0 => faults with { Unreachable = false, ServerErrorStatus = null, RemainingFaultedRequests = null },
                _ => faults with { RemainingFaultedRequests = remaining },
            };
            return (s with { Faults = next }, (action, status));
        });
    }
}
