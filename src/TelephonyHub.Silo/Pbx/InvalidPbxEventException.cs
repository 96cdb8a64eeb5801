namespace TelephonyHub.Silo.Pbx;

/// <summary>A PBX event that breaks the contract; the message names the offending field.</summary>
public sealed class InvalidPbxEventException(string field, string problem)
    : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
}
