using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>What a refused recording looks like from outside: the log says why, the call is in Bitrix24 without it.</summary>
internal static class RecordingNotAttached
{
    /// <summary>Waits for the hub's reason and the finished call; asserts no file was attached. Returns the reason line.</summary>
    public static async Task<string> WaitAsync(TelephonyWorld world, TestPortal portal, int logMark)
    {
        var reason = await world.Hub.Logs.WaitForAsync(l => l.Contains("Call ", StringComparison.Ordinal) && l.Contains("not attached", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "the hub logs why the recording is not attached", logMark);
        var snapshot = await world.WaitForAsync(portal, p => p.CallLog.Count == 1, "the call is finished without the recording");
        Assert.Null(snapshot.CallLog[0].Recording);
        Assert.Empty(snapshot.RequestsFor("telephony.externalcall.attachrecord"));
        return reason;
    }
}
