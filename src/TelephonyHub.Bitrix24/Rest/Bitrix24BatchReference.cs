namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// Builds batch back-references (reference §1.6): a parameter value the portal replaces with a field of an earlier
/// command's result, e.g. a <c>show</c> whose <c>CALL_ID</c> is the <c>register</c> of the same batch.
/// </summary>
public static class Bitrix24BatchReference
{
    /// <summary>
    /// <c>$result[commandKey][path0][path1]…</c>, e.g. <c>Result("reg1", "CALL_ID")</c> or
    /// <c>Result("deals", "0", "ID")</c> for a list result.
    /// </summary>
    public static string Result(string commandKey, params ReadOnlySpan<string> path) =>
        Bitrix24Parameters.Key("$result", [commandKey, .. path]);

    /// <summary>True when <paramref name="value"/> is a back-reference rather than a literal.</summary>
    public static bool IsReference(string? value) =>
        value is not null && value.StartsWith("$result[", StringComparison.Ordinal);
}
