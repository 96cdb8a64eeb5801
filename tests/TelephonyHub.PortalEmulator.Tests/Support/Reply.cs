using System.Text.Json.Nodes;

namespace TelephonyHub.PortalEmulator.Tests.Support;

/// <summary>A REST answer as a client sees it: HTTP status and JSON body.</summary>
internal sealed record Reply(int Status, JsonNode Json)
{
    public JsonNode? Result => Json["result"];

    public string? Error => Json["error"]?.GetValue<string>();

    public string? Description => Json["error_description"]?.GetValue<string>();

    public override string ToString() => $"{Status} {Json.ToJsonString()}";
}
