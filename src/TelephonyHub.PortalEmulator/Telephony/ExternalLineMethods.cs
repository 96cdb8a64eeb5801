using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary><c>telephony.externalLine.add/get/update/delete</c>: lines per application (reference §5.7).</summary>
public sealed class ExternalLineMethods : IRestMethodGroup
{
    /// <inheritdoc />
    public IEnumerable<RestMethod> Methods =>
    [
        RestMethod.Sync("telephony.externalline.add", "telephony", Add) with { AppOnly = true },
        RestMethod.Sync("telephony.externalline.get", "telephony", Get) with { AppOnly = true },
        RestMethod.Sync("telephony.externalline.update", "telephony", Update) with { AppOnly = true },
        RestMethod.Sync("telephony.externalline.delete", "telephony", Delete) with { AppOnly = true },
    ];

    private static RestResult Add(RestCall call)
    {
        var number = Number(call);
        var clientId = call.Auth.ClientId!;
        var line = call.Portal.Update(s =>
        {
            if (ExternalLines.Find(s, clientId, number) is not null)
            {
                throw call.Invalid("Line already exists");
            }

            // Any CRM_AUTO_CREATE other than Y means N; absent means Y.
            var autoCreate = !call.Parameters.Has("CRM_AUTO_CREATE") || call.Parameters.String("CRM_AUTO_CREATE") == "Y";
            return ExternalLines.Add(s, clientId, number, call.Parameters.String("NAME"), autoCreate);
        });
        return new RestResult(new JsonObject { ["ID"] = line.Id });
    }

    private static RestResult Get(RestCall call) =>
        new(new JsonArray([.. call.Portal.Snapshot.Lines
            .Where(l => l.ClientId == call.Auth.ClientId)
            .Select(l => (JsonNode)new JsonObject
            {
                ["NUMBER"] = l.Number,
                ["NAME"] = l.Name,
                ["CRM_AUTO_CREATE"] = l.CrmAutoCreate ? "Y" : "N",
            })]));

    private static RestResult Update(RestCall call)
    {
        var number = Number(call);
        var p = call.Parameters;
        if (!p.Has("NAME") && !p.Has("CRM_AUTO_CREATE"))
        {
            throw call.Invalid("There are no fields to update");
        }

        var line = call.Portal.Update(s =>
        {
            var line = ExternalLines.Find(s, call.Auth.ClientId!, number) ?? throw call.Invalid($"Could not find line with number {number}");
            var updated = line with
            {
                Name = p.Has("NAME") ? p.String("NAME") : line.Name,
                CrmAutoCreate = p.Has("CRM_AUTO_CREATE") ? p.String("CRM_AUTO_CREATE") == "Y" : line.CrmAutoCreate,
            };
            return (s with { Lines = s.Lines.Replace(line, updated) }, updated);
        });

        // The docs' sample answers the id as a string here, unlike add (reference §5.7).
        return new RestResult(new JsonObject { ["ID"] = PhpJson.Text(line.Id) });
    }

    private static RestResult Delete(RestCall call)
    {
        var number = Number(call);
        call.Portal.Update(s =>
        {
            var line = ExternalLines.Find(s, call.Auth.ClientId!, number) ?? throw call.Invalid($"Could not find line with number {number}");
            return s with { Lines = s.Lines.Remove(line) };
        });
        return new RestResult(new JsonArray());
    }

    private static string Number(RestCall call) =>
        call.Parameters.String("NUMBER")?.Trim() is { Length: > 0 } number ? number : throw call.Invalid("NUMBER should not be empty");
}
