using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>
/// Reads REST parameters from the query string and a form, multipart or JSON body (reference §1.2, §9 item 2).
/// </summary>
public static class ParameterParser
{
    /// <summary>The value written into the request log instead of a token.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>Parses an HTTP request; throws <see cref="RestMethodException"/> for a body that is not JSON it claims to be.</summary>
    public static async Task<ParsedRequest> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var root = new JsonObject();
        var flat = ImmutableArray.CreateBuilder<RequestParameter>();
        AddPairs(root, flat, QueryPairs(request.QueryString.Value));

        var contentType = request.ContentType ?? "";
        if (request.HasFormContentType && contentType.Contains("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            AddPairs(root, flat, form.SelectMany(f => f.Value.Select(v => (f.Key, v ?? ""))));
            return new ParsedRequest(new RestParameters(root), RequestEncoding.Multipart, flat.ToImmutable(), null);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ParseJson(root, flat, body);
        }

        if (request.HasFormContentType || (body.Length > 0 && body.Contains('=', StringComparison.Ordinal)))
        {
            AddPairs(root, flat, QueryPairs(body));
            return new ParsedRequest(new RestParameters(root), RequestEncoding.Form, flat.ToImmutable(), null);
        }

        return new ParsedRequest(new RestParameters(root), RequestEncoding.Query, flat.ToImmutable(), null);
    }

    /// <summary>
    /// Parses one batch command's query string (<c>CALL_ID=..&amp;USER_ID[0]=1</c>), passing each decoded value
    /// through <paramref name="substitute"/> (the <c>$result[..]</c> references).
    /// </summary>
    public static ParsedRequest ParseQuery(string query, Func<string, string> substitute)
    {
        var root = new JsonObject();
        var flat = ImmutableArray.CreateBuilder<RequestParameter>();
        AddPairs(root, flat, QueryPairs(query).Select(p => (p.Name, substitute(p.Value))));
        return new ParsedRequest(new RestParameters(root), RequestEncoding.BatchCommand, flat.ToImmutable(), null);
    }

    private static ParsedRequest ParseJson(JsonObject root, ImmutableArray<RequestParameter>.Builder flat, string body)
    {
        JsonNode? parsed;
        try
        {
            parsed = string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw new RestMethodException(400, "INVALID_REQUEST", "Request body is not valid JSON");
        }

        if (parsed is not JsonObject json)
        {
            throw new RestMethodException(400, "INVALID_REQUEST", "Request body must be a JSON object");
        }

        foreach (var (key, value) in json.ToList())
        {
            root[key] = value?.DeepClone();
            Flatten(flat, key, value);
        }

        if (json.ContainsKey("auth"))
        {
            json["auth"] = Redacted;
        }

        return new ParsedRequest(new RestParameters(root), RequestEncoding.Json, flat.ToImmutable(), json.ToJsonString());
    }

    private static void AddPairs(JsonObject root, ImmutableArray<RequestParameter>.Builder flat, IEnumerable<(string Name, string Value)> pairs)
    {
        foreach (var (name, value) in pairs)
        {
            PhpBrackets.Add(root, name, value);
            flat.Add(new RequestParameter(name, name == "auth" ? Redacted : value));
        }
    }

    private static IEnumerable<(string Name, string Value)> QueryPairs(string? query)
    {
        var pairs = new List<(string, string)>();
        foreach (var pair in new QueryStringEnumerable(query))
        {
            pairs.Add((pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        return pairs;
    }

    private static void Flatten(ImmutableArray<RequestParameter>.Builder flat, string name, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, child) in map)
                {
                    Flatten(flat, $"{name}[{key}]", child);
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    Flatten(flat, $"{name}[{i}]", list[i]);
                }

                break;
            default:
                var text = RestParameters.Scalar(node) is { } scalar && node!.GetValueKind() == JsonValueKind.String
                    ? scalar
                    : node?.ToJsonString() ?? "null";
                flat.Add(new RequestParameter(name, name == "auth" ? Redacted : text));
                break;
        }
    }
}
