namespace TelephonyHub.Bitrix24.Tests.Fakes;

/// <summary>What the fake server answers: a status and a recorded JSON body.</summary>
public sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>HTTP 200 with the body.</summary>
    public static Reply Ok(string json) => new(200, json);

    /// <summary>An error envelope with the given status.</summary>
    public static Reply Error(int status, string code, string description) =>
        new(status, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["error"] = code,
            ["error_description"] = description,
        }));
}
