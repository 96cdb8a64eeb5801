using System.Text.Json.Nodes;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>What a method returns: <c>result</c>, plus <c>total</c>/<c>next</c> for list methods (reference §1.5).</summary>
/// <param name="Result">The payload.</param>
/// <param name="Total">Total rows (list methods), or null.</param>
/// <param name="Next">Offset of the next page when there is one, or null.</param>
public sealed record RestResult(JsonNode? Result, int? Total = null, int? Next = null);
