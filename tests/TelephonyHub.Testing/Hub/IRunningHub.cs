using TelephonyHub.Testing.Logs;

namespace TelephonyHub.Testing.Hub;

/// <summary>A hub a test started, in-process or as its own process.</summary>
public interface IRunningHub : IAsyncDisposable
{
    HubSettings Settings { get; }

    /// <summary>Everything the hub logged so far (and what it will log).</summary>
    LogLines Logs { get; }
}
