using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>
/// <c>batch</c> (reference §1.6): up to 50 commands, each <c>method?query</c>, run in order with
/// <c>$result[cmd][FIELD]</c> references and optional <c>halt</c>. Always HTTP 200; failures go to <c>result_error</c>.
/// </summary>
public sealed partial class BatchMethods(IServiceProvider services) : IRestMethodGroup
{
    /// <summary>Most commands in one batch.</summary>
    public const int MaxCommands = 50;

    /// <inheritdoc />
    public IEnumerable<RestMethod> Methods =>
        [new RestMethod("batch", "basic", RunAsync) { AllowedInBatch = false, ChargesOperatingTime = false }];

    private async ValueTask<RestResult> RunAsync(RestCall call, CancellationToken cancellationToken)
    {
        var cmd = call.Parameters.Node("cmd");
        var commands = cmd is JsonObject map
            ? map.Select(p => (Key: p.Key, Command: RestParameters.Scalar(p.Value) ?? "")).ToList()
            : RestParameters.ListOf(cmd)
                .Select((v, i) => (Key: i.ToString(System.Globalization.CultureInfo.InvariantCulture), Command: RestParameters.Scalar(v) ?? ""))
                .ToList();
        if (commands.Count > MaxCommands)
        {
            throw new RestMethodException(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
        }

        var halt = call.Parameters.String("halt") is { Length: > 0 } h && h != "0" && !h.Equals("false", StringComparison.OrdinalIgnoreCase);
        var dispatcher = services.GetRequiredService<RestDispatcher>();
        var results = new List<KeyValuePair<string, JsonNode?>>();
        var errors = new List<KeyValuePair<string, JsonNode?>>();
        var totals = new List<KeyValuePair<string, JsonNode?>>();
        var nexts = new List<KeyValuePair<string, JsonNode?>>();
        var times = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var (key, command) in commands)
        {
            var question = command.IndexOf('?', StringComparison.Ordinal);
            var method = question < 0 ? command : command[..question];
            var query = question < 0 ? "" : command[(question + 1)..];
            var parsed = ParameterParser.ParseQuery(query, value => Substitute(value, results));
            var outcome = await dispatcher.InvokeAsync(call.Portal, call.Auth, method, parsed, call.Portal.NextSequence(), call, key, cancellationToken)
                .ConfigureAwait(false);
            if (outcome.Result is { } result)
            {
                results.Add(new(key, result.Result?.DeepClone()));
                if (result.Total is { } total)
                {
                    totals.Add(new(key, total));
                }

                if (result.Next is { } next)
                {
                    nexts.Add(new(key, next));
                }

                times.Add(new(key, outcome.Body["time"]?.DeepClone()));
                continue;
            }

            errors.Add(new(key, outcome.Body.DeepClone()));
            if (halt)
            {
                break;
            }
        }

        return new RestResult(new JsonObject
        {
            ["result"] = PhpJson.Map(results),
            ["result_error"] = PhpJson.Map(errors),
            ["result_total"] = PhpJson.Map(totals),
            ["result_next"] = PhpJson.Map(nexts),
            ["result_time"] = PhpJson.Map(times),
        });
    }

    /// <summary>Replaces <c>$result[cmd][FIELD][0]…</c> with the referenced value of an earlier command; unknown references stay as written.</summary>
    private static string Substitute(string value, List<KeyValuePair<string, JsonNode?>> results) =>
        !value.Contains("$result[", StringComparison.Ordinal)
            ? value
            : Reference().Replace(value, match =>
            {
                var node = results.FirstOrDefault(r => r.Key == match.Groups[1].Value).Value;
                foreach (Capture step in match.Groups[2].Captures)
                {
                    node = node switch
                    {
                        JsonObject o => o[step.Value],
                        JsonArray a when int.TryParse(step.Value, out var i) && i >= 0 && i < a.Count => a[i],
                        _ => null,
                    };
                }

                return node is null ? match.Value : RestParameters.Scalar(node) ?? node.ToJsonString();
            });

    [GeneratedRegex(@"\$result\[([^\]]+)\](?:\[([^\]]*)\])*")]
    private static partial Regex Reference();
}
