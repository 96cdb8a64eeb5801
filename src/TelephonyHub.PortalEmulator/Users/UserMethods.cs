using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Users;

/// <summary>
/// <c>user.get</c>, <c>user.current</c>, <c>profile</c>, <c>user.admin</c> (reference §7.1, §7.4): the hub's
/// settings page uses the last three to check whose frame token it holds.
/// </summary>
public sealed class UserMethods : IRestMethodGroup
{
    private const int PageSize = 50;

    /// <inheritdoc />
    public IEnumerable<RestMethod> Methods =>
    [
        RestMethod.Sync("user.get", "user", Get),
        RestMethod.Sync("user.current", "user", call => new RestResult(UserJson.Of(Current(call), WithContacts(call)))),
        RestMethod.Sync("profile", "basic", Profile),
        RestMethod.Sync("user.admin", "basic", call => new RestResult(Current(call).IsAdmin)),
    ];

    private static RestResult Get(RestCall call)
    {
        var p = call.Parameters;
        var filter = p.NodeIgnoringCase("filter") as JsonObject ?? FilterFromTopLevel(p);
        var users = call.Portal.Snapshot.Users.Where(u => filter.All(f => Matches(u, f.Key, f.Value))).OrderBy(u => u.Id).ToList();
        var start = Math.Max(0, p.Int("start"));
        var page = users.Skip(start).Take(PageSize).Select(u => (JsonNode)UserJson.Of(u, WithContacts(call)));
        return new RestResult(new JsonArray([.. page]), users.Count, start + PageSize < users.Count ? start + PageSize : null);
    }

    private static RestResult Profile(RestCall call)
    {
        var u = Current(call);
        return new RestResult(new JsonObject
        {
            ["ID"] = PhpJson.Text(u.Id),
            ["ADMIN"] = u.IsAdmin,
            ["NAME"] = u.Name,
            ["LAST_NAME"] = u.LastName,
            ["PERSONAL_GENDER"] = "",
            ["TIME_ZONE"] = "",
            ["TIME_ZONE_OFFSET"] = 0,
        });
    }

    private static PortalUser Current(RestCall call) =>
        call.Portal.Snapshot.User(call.Auth.UserId) ?? throw new RestMethodException(400, "", "User not found");

    private static bool WithContacts(RestCall call) =>
        call.Auth.AppDefinition is not { } app || app.Scopes.Any(s => s is "user" or "user_basic");

    // user.get also takes field filters at the top level (reference §7.1).
    private static JsonObject FilterFromTopLevel(RestParameters p)
    {
        var filter = new JsonObject();
        foreach (var key in new[] { "ID", "ACTIVE", "UF_PHONE_INNER", "IS_ONLINE", "USER_TYPE" }.Where(p.Has))
        {
            filter[key] = p.Node(key)?.DeepClone();
        }

        return filter;
    }

    private static bool Matches(PortalUser u, string key, JsonNode? value)
    {
        var wanted = RestParameters.ListOf(value).Select(RestParameters.Scalar).ToList();
        var field = key.TrimStart('=', '@').ToUpperInvariant();
        var actual = field switch
        {
            "ID" => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "ACTIVE" => u.Active ? "1" : "",
            "UF_PHONE_INNER" => u.Extension,
            "IS_ONLINE" => u.IsOnline ? "Y" : "N",
            "USER_TYPE" => "employee",
            _ => null,
        };
        if (field == "ACTIVE")
        {
            // ACTIVE=true|Y|1 keeps active users only.
            var active = wanted.Any(w => w is "1" or "Y" or "true");
            return active == u.Active;
        }

        return actual is null ? field is not ("ID" or "UF_PHONE_INNER") : wanted.Contains(actual);
    }
}
