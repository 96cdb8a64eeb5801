using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Apps;

/// <summary><c>app.info</c> and <c>scope</c> (reference §3.5, §7.4).</summary>
public sealed class AppMethods : IRestMethodGroup
{
    /// <inheritdoc />
    public IEnumerable<RestMethod> Methods =>
    [
        RestMethod.Sync("app.info", "basic", Info) with { AppOnly = true },
        RestMethod.Sync("scope", "basic", call =>
            new RestResult(new JsonArray([.. (call.Auth.AppDefinition?.Scopes ?? []).Select(s => (JsonNode)s)]))),
    ];

    private static RestResult Info(RestCall call)
    {
        var app = call.Auth.AppDefinition!;
        var enterprise = call.Portal.Snapshot.Plan == PortalPlan.Enterprise;
        return new RestResult(new JsonObject
        {
            ["ID"] = call.Auth.App!.AppId,
            ["CODE"] = app.Code,
            ["VERSION"] = app.Version,
            ["STATUS"] = app.Status,
            ["INSTALLED"] = call.Auth.App!.Finished,
            ["PAYMENT_EXPIRED"] = "N",
            ["DAYS"] = null,
            ["LANGUAGE_ID"] = call.Portal.Snapshot.Language,
            ["LICENSE"] = enterprise ? "en_ent250" : "en_project",
            ["LICENSE_TYPE"] = enterprise ? "ent250" : "project",
            ["LICENSE_FAMILY"] = enterprise ? "ent" : "project",
        });
    }
}
