using System.Text.Json.Nodes;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>The answer to one method call: HTTP status and JSON body.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">The envelope.</param>
/// <param name="Result">The method's result on success, or null.</param>
/// <param name="Error">The error on failure, or null.</param>
public sealed record RestOutcome(int Status, JsonObject Body, RestResult? Result, RestMethodException? Error);
