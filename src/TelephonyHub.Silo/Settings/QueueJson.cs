namespace TelephonyHub.Silo.Settings;

/// <summary>A queue on the settings API (JSON, camelCase). See <see cref="QueueSettingsEndpoints"/>.</summary>
/// <param name="LineNumber">The external line whose calls the queue takes; empty or absent: the default queue.</param>
/// <param name="Name">Shown on the settings page and in the missed-call reason.</param>
/// <param name="Mode"><c>simultaneous</c> or <c>sequential</c>.</param>
/// <param name="Members">Bitrix24 user ids, in the order a sequential queue offers them.</param>
/// <param name="StepSeconds">How long one step rings, in seconds (e.g. 3, 5, 7; fractions allowed).</param>
/// <param name="Rounds">How many times the queue goes through its members (default 1).</param>
/// <param name="Overflow">Where a call nobody took goes (default: hang up).</param>
public sealed record QueueJson(
    string? LineNumber,
    string? Name,
    string? Mode,
    long[]? Members,
    double? StepSeconds,
    int? Rounds,
    QueueOverflowJson? Overflow);
