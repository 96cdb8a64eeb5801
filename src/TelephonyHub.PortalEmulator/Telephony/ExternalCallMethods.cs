using System.Globalization;
using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary><c>telephony.externalCall.register/show/hide/finish</c> (reference §5.1–§5.3).</summary>
public sealed class ExternalCallMethods : IRestMethodGroup
{
    private static readonly string[] IsoFormats =
        ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <inheritdoc />
    public IEnumerable<RestMethod> Methods =>
    [
        RestMethod.Sync("telephony.externalcall.register", "telephony", Register) with { AppOnly = true },
        RestMethod.Sync("telephony.externalcall.show", "telephony", call => Cards(call, show: true)) with { AppOnly = true },
        RestMethod.Sync("telephony.externalcall.hide", "telephony", call => Cards(call, show: false)) with { AppOnly = true },
        RestMethod.Sync("telephony.externalcall.finish", "telephony", Finish) with { AppOnly = true },
    ];

    private static RestResult Register(RestCall call)
    {
        var p = call.Parameters;
        var outcome = call.Portal.Update(s =>
        {
            // Checks in the server's order (reference §5.1 error table).
            var userId = CallUsers.Resolve(s, p) ?? throw call.Invalid("USER_ID or USER_PHONE_INNER should be set");
            var type = p.Int("TYPE");
            if (!Enum.IsDefined((CallType)type))
            {
                throw call.Invalid("Unknown TYPE");
            }

            DateTimeOffset? start = null;
            if (p.String("CALL_START_DATE") is { Length: > 0 } date)
            {
                start = DateTimeOffset.TryParseExact(date, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw call.Invalid("CALL_START_DATE should be in the ISO-8601 format");
            }

            var phone = PhoneDigits.Normalize(p.String("PHONE_NUMBER"));
            if (phone.Length == 0)
            {
                throw call.Invalid("Unsupported phone number format");
            }

            CallUsers.EnsureActive(call, s, userId);
            var command = new RegisterCommand
            {
                ClientId = call.Auth.ClientId!,
                AppId = call.Auth.App!.AppId,
                UserId = userId,
                PhoneNumber = phone,
                Type = (CallType)type,
                CallStartDate = start,
                CrmCreate = p.Int("CRM_CREATE") != 0,
                CrmSource = p.String("CRM_SOURCE"),
                CrmEntityType = CrmEntityTypes.Parse(p.String("CRM_ENTITY_TYPE")),
                CrmEntityId = p.Int("CRM_ENTITY_ID"),
                Show = !p.Has("SHOW") || p.Int("SHOW") != 0,
                LineNumber = ExternalLines.Clean(p.String("LINE_NUMBER")),
                ExternalCallId = p.String("EXTERNAL_CALL_ID") is { Length: > 0 } external ? external : null,
                CallListId = p.Int("CALL_LIST_ID") is > 0 and var list ? list : null,
                Cause = call.Method,
            };
            return CallRegistration.Register(s, command, call.Now);
        });
        return new RestResult(RegisterResult(outcome));
    }

    /// <summary>The register result object (reference §5.1 result table).</summary>
    internal static JsonObject RegisterResult(RegisterOutcome outcome) => new()
    {
        ["CALL_ID"] = outcome.CallId,
        ["CRM_CREATED_LEAD"] = outcome.CreatedLeadId,
        ["CRM_CREATED_ENTITIES"] = outcome.CreatedLeadId is { } lead
            ? new JsonArray(new JsonObject { ["ENTITY_TYPE"] = "LEAD", ["ENTITY_ID"] = lead })
            : new JsonArray(),
        ["CRM_ENTITY_TYPE"] = outcome.CrmEntityType?.WireName() ?? "",
        ["CRM_ENTITY_ID"] = outcome.CrmEntityId,
    };

    private static RestResult Cards(RestCall call, bool show)
    {
        var p = call.Parameters;
        var callId = p.String("CALL_ID") ?? "";
        var found = call.Portal.Update(s =>
        {
            // Unknown or finished calls answer false, HTTP 200 (reference §5.2).
            if (s.ActiveCall(callId) is not { } active)
            {
                return (s, false);
            }

            // A scalar USER_ID is cast to int, list items likewise; absent means the registered user.
            IEnumerable<int> users = p.Has("USER_ID") ? p.List("USER_ID").Select(RestParameters.PhpInt) : [active.UserId];
            var next = show
                ? CardBoard.Show(s, users, callId, call.Now, call.Method)
                : CardBoard.Hide(s, users, callId, call.Now, call.Method);
            return (next, true);
        });
        return new RestResult(found);
    }

    private static RestResult Finish(RestCall call)
    {
        var p = call.Parameters;
        var record = call.Portal.Update(s =>
        {
            // Checks in the server's order: the user before CALL_ID (reference §5.3 error table).
            var userId = CallUsers.Resolve(s, p) ?? throw call.Invalid("USER_ID or USER_PHONE_INNER should be set");
            if (p.Has("CALL_ID") && !p.IsText("CALL_ID"))
            {
                throw new RestMethodException(400, "INVALID_ARGUMENT", "CALL_ID must be a string");
            }

            var active = s.ActiveCall(p.String("CALL_ID") ?? "")
                ?? throw call.Invalid("Call is not found (call should be registered prior to finishing");
            CallUsers.EnsureActive(call, s, userId);
            var command = new FinishCommand
            {
                CallId = active.CallId,
                ClientId = call.Auth.ClientId!,
                UserId = userId,
                Duration = p.Int("DURATION"),
                Cost = p.Double("COST"),
                CostCurrency = p.String("COST_CURRENCY") ?? "",
                StatusCode = p.String("STATUS_CODE") is { Length: > 0 } code ? code : null,
                FailedReason = p.String("FAILED_REASON") ?? "",
                Vote = p.Int("VOTE"),
                AddToChat = p.Has("ADD_TO_CHAT") && p.Int("ADD_TO_CHAT") != 0,
                RecordUrl = p.String("RECORD_URL") is { Length: > 0 } url ? url : null,
            };
            return CallFinishing.Finish(s, active, command, call.Now, call.Method);
        });
        return new RestResult(FinishResult(record, call));
    }

    private static JsonObject FinishResult(CallRecord r, RestCall call)
    {
        var result = new JsonObject
        {
            ["ID"] = r.Id,
            ["CALL_ID"] = r.CallId,
            ["EXTERNAL_CALL_ID"] = r.ExternalCallId,
            ["PORTAL_USER_ID"] = r.UserId,
            ["PHONE_NUMBER"] = r.PhoneNumber,
            ["PORTAL_NUMBER"] = r.PortalNumber,
            ["INCOMING"] = ((int)r.Type).ToString(CultureInfo.InvariantCulture),
            ["CALL_DURATION"] = r.Duration,

            // PHP DateTime serialised by json_encode: an empty object (reference §5.3).
            ["CALL_START_DATE"] = new JsonObject(),
            ["CALL_STATUS"] = r.CallStatus,
            ["CALL_VOTE"] = r.Vote,
            ["COST"] = r.Cost,
            ["COST_CURRENCY"] = r.CostCurrency,
            ["CALL_FAILED_CODE"] = r.StatusCode,
            ["CALL_FAILED_REASON"] = r.FailedReason,
            ["REST_APP_ID"] = call.Auth.App!.AppId,
            ["REST_APP_NAME"] = call.Auth.AppDefinition!.Name,
            ["CRM_ACTIVITY_ID"] = r.CrmActivityId,
            ["COMMENT"] = null,
        };
        if (r.CrmEntityType is { } type)
        {
            result["CRM_ENTITY_TYPE"] = type.WireName();
            result["CRM_ENTITY_ID"] = r.CrmEntityId;
        }

        return result;
    }
}
