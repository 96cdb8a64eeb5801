using System.Threading.Channels;
using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Commands;

/// <summary>The hub's commands for one call that a scenario or the load engine plays itself.</summary>
public sealed class FollowedCall(string callId, ChannelReader<PbxCommand> commands, Action unfollow) : IDisposable
{
    public string CallId => callId;

    /// <summary>The next command for the call (already acknowledged), or null when none comes within <paramref name="wait"/>.</summary>
    public async Task<PbxCommand?> NextAsync(TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(wait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await commands.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public void Dispose() => unfollow();
}
