using System.Globalization;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// Reads the response envelope (reference §1.3): <c>result</c>/<c>total</c>/<c>next</c>/<c>time</c> on success,
/// <c>error</c>/<c>error_description</c> on failure (which may also come with HTTP 200, e.g. <c>WRONG_ENCODING</c>).
/// </summary>
internal static class Bitrix24EnvelopeReader
{
    public static Bitrix24Outcome<TResult> Read<TResult>(
        Bitrix24HttpAnswer answer,
        Func<Bitrix24RawResult, TResult> parse)
        where TResult : notnull
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer.Body);
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer with HTML; on a 2xx that is a glitch on the way, not a verdict.
            var kind = answer.IsSuccessStatus ? Bitrix24ErrorKind.Transient : Bitrix24ErrorClassifier.Classify(answer.Status, string.Empty);
            return Bitrix24Outcome<TResult>.Failure(new Bitrix24Error
            {
                Kind = kind,
                HttpStatus = answer.Status,
                Description = string.Create(CultureInfo.InvariantCulture, $"HTTP {answer.Status} with a body that is not JSON."),
                RetryAfter = answer.RetryAfter,
            });
        }

        using (document)
        {
            var root = document.RootElement;
            var timing = root.Property("time") is { ValueKind: JsonValueKind.Object } time ? ReadTiming(time) : null;
            if (ReadError(root, answer.Status, answer.RetryAfter, timing) is { } error)
            {
                return Bitrix24Outcome<TResult>.Failure(error, timing);
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
            {
                return Bitrix24Outcome<TResult>.Failure(Unexpected(answer.Status, "The envelope has no result."), timing);
            }

            try
            {
                var value = parse(new Bitrix24RawResult(result, root.Long("total"), root.Long("next")));
                return new Bitrix24Outcome<TResult>
                {
                    Value = value,
                    Timing = timing,
                    Total = root.Long("total"),
                    Next = root.Long("next"),
                };
            }
            catch (Exception ex) when (ex is Bitrix24ResponseFormatException or InvalidOperationException or FormatException
                                           or KeyNotFoundException or InvalidCastException)
            {
                return Bitrix24Outcome<TResult>.Failure(Unexpected(answer.Status, ex.Message), timing);
            }
        }
    }

    /// <summary>The error of an envelope, or null when it reports success.</summary>
    public static Bitrix24Error? ReadError(JsonElement root, int? status, TimeSpan? retryAfter, Bitrix24Timing? timing)
    {
        var isObject = root.ValueKind == JsonValueKind.Object;
        if (isObject && root.TryGetProperty("error", out var errorValue))
        {
            // "" is a real code: the default RestException of telephony validation errors (reference §5.0).
            var code = errorValue.AsString() ?? string.Empty;
            var kind = Bitrix24ErrorClassifier.Classify(status, code);
            return new Bitrix24Error
            {
                Kind = kind,
                HttpStatus = status,
                Code = code,
                Description = root.Text("error_description") ?? string.Empty,
                RetryAfter = retryAfter,
                OperatingResetAt = kind == Bitrix24ErrorKind.OperationTimeLimit
                    ? root.UnixTime("operating_reset_at") ?? timing?.OperatingResetAt
                    : null,
            };
        }

        if (status is { } http && http is < 200 or >= 300)
        {
            return new Bitrix24Error
            {
                Kind = Bitrix24ErrorClassifier.Classify(http, string.Empty),
                HttpStatus = http,
                Description = string.Create(CultureInfo.InvariantCulture, $"HTTP {http} without an error envelope."),
                RetryAfter = retryAfter,
            };
        }

        return null;
    }

    /// <summary>Reads a <c>time</c> block.</summary>
    public static Bitrix24Timing ReadTiming(JsonElement time) => new()
    {
        Start = time.UnixTime("start"),
        Finish = time.UnixTime("finish"),
        Duration = Seconds(time.Double("duration")),
        Processing = Seconds(time.Double("processing")),
        Operating = Seconds(time.Double("operating")),
        OperatingResetAt = time.UnixTime("operating_reset_at"),
    };

    public static Bitrix24Error Unexpected(int? status, string description) => new()
    {
        Kind = Bitrix24ErrorKind.UnexpectedResponse,
        HttpStatus = status,
        Description = description,
    };

    private static TimeSpan? Seconds(double? value) => value is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
