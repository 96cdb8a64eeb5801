namespace TelephonyHub.PortalEmulator.Tests.Support;

/// <summary>A request the loopback receiver got, as raw as it arrived.</summary>
internal sealed record ReceivedRequest(string Path, string? ContentType, string RawBody, IReadOnlyList<KeyValuePair<string, string>> Form)
{
    public IEnumerable<string> FieldNames => Form.Select(f => f.Key);

    public string? Field(string name) => Form.FirstOrDefault(f => f.Key == name).Value;
}
