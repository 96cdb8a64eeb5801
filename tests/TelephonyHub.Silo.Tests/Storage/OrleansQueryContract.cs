namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>
/// The queries the Orleans 10.4.2 ADO.NET DLLs read from <c>OrleansQuery</c>, each with the parameters they bind
/// (read from the DLLs; see reference orleans-10.md). A query may use fewer parameters, never others.
/// </summary>
internal static class OrleansQueryContract
{
    private static readonly string[] MembershipRow = ["DeploymentId", "Address", "Port", "Generation"];
    private static readonly string[] StorageKey =
        ["GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString", "ServiceId"];

    public static IReadOnlyDictionary<string, string[]> Clustering { get; } = new Dictionary<string, string[]>
    {
        ["InsertMembershipVersionKey"] = ["DeploymentId"],
        ["MembershipReadRowKey"] = MembershipRow,
        ["MembershipReadAllKey"] = ["DeploymentId"],
        ["InsertMembershipKey"] = [.. MembershipRow, "IAmAliveTime", "SiloName", "HostName", "StartTime", "Status", "ProxyPort", "Version"],
        ["UpdateMembershipKey"] = [.. MembershipRow, "IAmAliveTime", "Status", "SuspectTimes", "Version"],
        ["UpdateIAmAlivetimeKey"] = [.. MembershipRow, "IAmAliveTime"],
        ["DeleteMembershipTableEntriesKey"] = ["DeploymentId"],
        ["GatewaysQueryKey"] = ["DeploymentId", "Status"],
        ["CleanupDefunctSiloEntriesKey"] = ["DeploymentId", "IAmAliveTime"],
        ["CleanupDefunctSiloEntryKey"] = [.. MembershipRow, "SuspectTimes", "StartTime", "IAmAliveTime"],
    };

    public static IReadOnlyDictionary<string, string[]> Persistence { get; } = new Dictionary<string, string[]>
    {
        ["ReadFromStorageKey"] = StorageKey,
        ["WriteToStorageKey"] = [.. StorageKey, "GrainStateVersion", "PayloadBinary"],
        ["ClearStorageKey"] = [.. StorageKey, "GrainStateVersion"],
        ["DeleteStorageKey"] = [.. StorageKey, "GrainStateVersion"],
    };

    public static IReadOnlyDictionary<string, string[]> Reminders { get; } = new Dictionary<string, string[]>
    {
        ["UpsertReminderRowKey"] = ["ServiceId", "GrainHash", "GrainId", "ReminderName", "StartTime", "Period"],
        ["ReadReminderRowsKey"] = ["ServiceId", "GrainId"],
        ["ReadReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName"],
        ["ReadRangeRows1Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["ReadRangeRows2Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["DeleteReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName", "Version"],
        ["DeleteReminderRowsKey"] = ["ServiceId"],
    };

    /// <summary>PostgreSQL carries all three areas.</summary>
    public static IReadOnlyDictionary<string, string[]> PostgreSql { get; } =
        Clustering.Concat(Persistence).Concat(Reminders).ToDictionary();

    /// <summary>SQLite carries grain storage and reminders (the embedded silo uses localhost clustering).</summary>
    public static IReadOnlyDictionary<string, string[]> Sqlite { get; } = Persistence.Concat(Reminders).ToDictionary();
}
