using System.Text.Json;
using System.Text.Json.Serialization;

namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>JSON of the admin API and the seed file: camelCase, enums as strings.</summary>
public static class AdminJson
{
    /// <summary>The options the admin API, its client and the seed loader share.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the admin conventions to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}
