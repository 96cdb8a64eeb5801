using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Events;

/// <summary><c>event.bind</c>, <c>event.unbind</c>, <c>event.get</c> for the calling app (reference §4.6).</summary>
public sealed class EventMethods : IRestMethodGroup
{
    /// <inheritdoc />
    public IEnumerable<RestMethod> Methods =>
    [
        RestMethod.Sync("event.bind", "basic", Bind) with { AppOnly = true },
        RestMethod.Sync("event.unbind", "basic", Unbind) with { AppOnly = true },
        RestMethod.Sync("event.get", "basic", Get) with { AppOnly = true },
    ];

    private static RestResult Bind(RestCall call)
    {
        var p = call.Parameters;
        var code = (p.StringIgnoringCase("event") ?? "").Trim().ToUpperInvariant();
        var handler = (p.StringIgnoringCase("handler") ?? "").Trim();
        if (!EventCodes.Known.Contains(code))
        {
            throw new RestMethodException(400, "ERROR_EVENT_NOT_FOUND", "Event not found");
        }

        if (!Uri.TryCreate(handler, UriKind.Absolute, out _))
        {
            throw new RestMethodException(400, "", "Unable to set event handler: Handler is not a valid URL");
        }

        var authType = RestParameters.PhpInt(p.NodeIgnoringCase("auth_type"));
        var offline = string.Equals(p.StringIgnoringCase("event_type"), "offline", StringComparison.OrdinalIgnoreCase);
        call.Portal.Update(s =>
        {
            var admin = s.User(call.Auth.UserId)?.IsAdmin == true;
            if ((offline || (authType != 0 && authType != call.Auth.UserId)) && !admin)
            {
                throw new RestMethodException(403, "ACCESS_DENIED", "Access denied! Admin permissions required");
            }

            if (s.EventBindings.Exists(b => b.ClientId == call.Auth.ClientId && b.Event == code && b.Handler == handler && b.AuthType == authType))
            {
                throw new RestMethodException(400, "", "Unable to set event handler: Handler already binded");
            }

            var binding = new EventBinding(s.LastRowId + 1, call.Auth.ClientId!, code, handler, authType, offline);
            return s with { EventBindings = s.EventBindings.Add(binding), LastRowId = binding.Id };
        });
        return new RestResult(true);
    }

    private static RestResult Unbind(RestCall call)
    {
        var p = call.Parameters;
        var code = p.StringIgnoringCase("event")?.Trim().ToUpperInvariant();
        var handler = p.StringIgnoringCase("handler")?.Trim();
        var authType = RestParameters.PhpInt(p.NodeIgnoringCase("auth_type"));
        var count = call.Portal.Update(s =>
        {
            // Without parameters every handler of the app goes; auth_type 0 means handlers bound without one.
            var gone = s.EventBindings.Where(b => b.ClientId == call.Auth.ClientId
                && (string.IsNullOrEmpty(code) || b.Event == code)
                && (string.IsNullOrEmpty(handler) || b.Handler == handler)
                && (string.IsNullOrEmpty(code) || b.AuthType == authType)).ToList();
            return (s with { EventBindings = s.EventBindings.RemoveAll(gone.Contains) }, gone.Count);
        });
        return new RestResult(new JsonObject { ["count"] = count });
    }

    private static RestResult Get(RestCall call) =>
        new(new JsonArray([.. call.Portal.Snapshot.EventBindings
            .Where(b => b.ClientId == call.Auth.ClientId)
            .Select(b => (JsonNode)new JsonObject
            {
                ["event"] = b.Event,
                ["handler"] = b.Handler,
                ["auth_type"] = b.AuthType.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["offline"] = b.Offline ? 1 : 0,
            })]));
}
