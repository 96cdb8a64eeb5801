using System.Globalization;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// Encodes the <c>batch</c> form (reference §1.6) and maps its response back to the commands.
/// </summary>
internal static class Bitrix24BatchCodec
{
    /// <summary>The portal runs at most 50 commands per batch; the rest fail with <c>ERROR_BATCH_LENGTH_EXCEEDED</c>.</summary>
    public const int MaxCommands = 50;

    /// <summary>
    /// <c>halt=0|1</c> then <c>cmd[key]=method?inner-query</c> per command. The inner query is URL-encoded once here;
    /// the form encoder encodes it again as the value of <c>cmd[key]</c>, which is the single extra level the portal
    /// expects for a form body.
    /// </summary>
    /// <exception cref="ArgumentException">No command, more than 50, or a missing, malformed or duplicate key.</exception>
    public static List<KeyValuePair<string, string>> Encode(IReadOnlyList<Bitrix24BatchCommand> commands, bool halt)
    {
        if (commands.Count is 0 or > MaxCommands)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A batch needs 1 to {MaxCommands} commands, not {commands.Count}."),
                nameof(commands));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new List<KeyValuePair<string, string>> { new("halt", halt ? "1" : "0") };
        foreach (var command in commands)
        {
            if (!IsValidKey(command.Key) || !keys.Add(command.Key))
            {
                throw new ArgumentException($"Batch command key '{command.Key}' is empty, malformed or repeated.", nameof(commands));
            }

            if (string.Equals(command.Request.Method, "batch", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("A batch cannot contain a batch (ERROR_BATCH_METHOD_NOT_ALLOWED).", nameof(commands));
            }

            var query = PhpFormEncoder.EncodeBatchQuery(command.Request.ToParameters().Pairs);
            pairs.Add(new(Bitrix24Parameters.Key("cmd", command.Key), query.Length == 0 ? command.Request.Method : command.Request.Method + "?" + query));
        }

        return pairs;
    }

    /// <summary>Maps <c>result</c>, <c>result_error</c>, <c>result_total</c>, <c>result_next</c>, <c>result_time</c> to the commands.</summary>
    public static ImmutableArray<Bitrix24BatchItemOutcome> Decode(IReadOnlyList<Bitrix24BatchCommand> commands, JsonElement result)
    {
        result.RequireObject("The batch result");
        var results = Map(result, "result");
        var errors = Map(result, "result_error");
        var totals = Map(result, "result_total");
        var nexts = Map(result, "result_next");
        var times = Map(result, "result_time");

        var items = ImmutableArray.CreateBuilder<Bitrix24BatchItemOutcome>(commands.Count);
        foreach (var command in commands)
        {
            var timing = times.TryGetValue(command.Key, out var time) && time.ValueKind == JsonValueKind.Object
                ? Bitrix24EnvelopeReader.ReadTiming(time)
                : null;
            items.Add(DecodeOne(command, results, errors, totals, nexts, timing));
        }

        return items.MoveToImmutable();
    }

    private static Bitrix24BatchItemOutcome DecodeOne(
        Bitrix24BatchCommand command,
        Dictionary<string, JsonElement> results,
        Dictionary<string, JsonElement> errors,
        Dictionary<string, JsonElement> totals,
        Dictionary<string, JsonElement> nexts,
        Bitrix24Timing? timing)
    {
        var key = command.Key;
        if (errors.TryGetValue(key, out var errorBody))
        {
            var error = Bitrix24EnvelopeReader.ReadError(errorBody, status: null, retryAfter: null, timing)
                ?? Bitrix24EnvelopeReader.Unexpected(null, "The batch reported an error without a code.");
            return new Bitrix24BatchItemOutcome { Key = key, Error = error, Timing = timing };
        }

        if (!results.TryGetValue(key, out var value))
        {
            return new Bitrix24BatchItemOutcome
            {
                Key = key,
                Timing = timing,
                Error = new Bitrix24Error
                {
                    Kind = Bitrix24ErrorKind.NotExecuted,
                    Description = "The portal did not run this command (an earlier command failed and halt was set).",
                },
            };
        }

        var total = totals.TryGetValue(key, out var t) ? t.AsLong() : null;
        var next = nexts.TryGetValue(key, out var n) ? n.AsLong() : null;
        try
        {
            return new Bitrix24BatchItemOutcome
            {
                Key = key,
                Value = command.Request.ParseResultObject(new Bitrix24RawResult(value, total, next)),
                Timing = timing,
                Total = total,
                Next = next,
            };
        }
        catch (Exception ex) when (ex is Bitrix24ResponseFormatException or InvalidOperationException or FormatException
                                       or KeyNotFoundException or InvalidCastException)
        {
            return new Bitrix24BatchItemOutcome { Key = key, Error = Bitrix24EnvelopeReader.Unexpected(null, ex.Message), Timing = timing };
        }
    }

    // Any of the inner maps may be [] when empty, or a JSON list when the keys are 0..n (reference §1.3, §1.6).
    private static Dictionary<string, JsonElement> Map(JsonElement result, string name)
    {
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (result.ValueKind == JsonValueKind.Object && result.TryGetProperty(name, out var value))
        {
            foreach (var (key, item) in value.Entries())
            {
                map[key] = item;
            }
        }

        return map;
    }

    private static bool IsValidKey(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
