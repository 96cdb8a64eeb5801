using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Limits;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>The JSON envelopes of reference §1.3: <c>{result, total, next, time}</c> and <c>{error, error_description}</c>.</summary>
public static class RestEnvelope
{
    /// <summary>A success body.</summary>
    public static JsonObject Success(RestResult result, JsonObject time)
    {
        var body = new JsonObject { ["result"] = result.Result?.DeepClone() };
        if (result.Total is { } total)
        {
            body["total"] = total;
        }

        if (result.Next is { } next)
        {
            body["next"] = next;
        }

        body["time"] = time;
        return body;
    }

    /// <summary>An error body; extra keys (e.g. <c>argument</c>) merged in, as the server does.</summary>
    public static JsonObject Error(RestMethodException error)
    {
        var body = new JsonObject { ["error"] = error.Code, ["error_description"] = error.Description };
        foreach (var (key, value) in error.Extra ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>The <c>time</c> block: Unix seconds as doubles, ISO dates, and the method's operating budget.</summary>
    public static JsonObject Time(DateTimeOffset start, DateTimeOffset finish, OperatingState operating)
    {
        var time = new JsonObject
        {
            ["start"] = start.ToUnixTimeMilliseconds() / 1000.0,
            ["finish"] = finish.ToUnixTimeMilliseconds() / 1000.0,
            ["duration"] = (finish - start).TotalSeconds,
            ["processing"] = (finish - start).TotalSeconds,
            ["date_start"] = PhpJson.Iso(start),
            ["date_finish"] = PhpJson.Iso(finish),
        };
        if (operating.ResetAt is { } resetAt)
        {
            time["operating_reset_at"] = resetAt.ToUnixTimeSeconds();
        }

        time["operating"] = Math.Round(operating.Operating, 6);
        return time;
    }
}
