namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>The changes a running cluster makes to a member row, as new entries.</summary>
internal static class MembershipEntryChanges
{
    public static MembershipEntry WithStatusAndSuspicion(this MembershipEntry entry, SiloStatus status, SiloAddress suspecter, DateTime at)
    {
        var changed = entry.AliveAt(entry.IAmAliveTime);
        changed.Status = status;
        changed.SuspectTimes = [Tuple.Create(suspecter, at)];
        return changed;
    }

    public static MembershipEntry AliveAt(this MembershipEntry entry, DateTime at) => new()
    {
        SiloAddress = entry.SiloAddress,
        SiloName = entry.SiloName,
        HostName = entry.HostName,
        Status = entry.Status,
        ProxyPort = entry.ProxyPort,
        StartTime = entry.StartTime,
        IAmAliveTime = at,
        SuspectTimes = entry.SuspectTimes,
    };
}
