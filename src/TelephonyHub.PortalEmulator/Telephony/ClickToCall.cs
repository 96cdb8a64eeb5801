using System.Collections.Immutable;
using System.Globalization;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Events;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>
/// What the portal does when a user clicks a number (reference §4.5): it registers the call itself (TYPE=1,
/// CRM auto-create from the line), then posts ONEXTERNALCALLSTART to the handlers the line's app bound.
/// Also the callback form (ONEXTERNALCALLBACKSTART), which registers nothing.
/// </summary>
public sealed class ClickToCall(AppLifecycle lifecycle, AppCatalog apps, EventSender sender, EventAuthBlock authBlock, TimeProvider time)
{
    /// <summary>What registers the call in the card timeline and call log.</summary>
    public const string Cause = "click-to-call";

    /// <summary>Runs a click-to-call and waits for the event deliveries.</summary>
    public async Task<ClickToCallOutcome> StartAsync(Portal portal, ClickToCallRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var line = ExternalLines.Clean(request.LineNumber);
        var (installation, outcome) = portal.Update(s =>
        {
            var installation = Owner(s, line, request.ClientId, EventCodes.ExternalCallStart);
            if (s.User(request.UserId) is not { Active: true })
            {
                throw new EmulatorRequestException(400, $"No active user {request.UserId} on {s.Domain}");
            }

            var phone = PhoneDigits.Normalize(request.PhoneNumber);
            if (phone.Length == 0)
            {
                throw new EmulatorRequestException(400, $"'{request.PhoneNumber}' is not a phone number");
            }

            var command = new RegisterCommand
            {
                ClientId = installation.ClientId,
                AppId = installation.AppId,
                UserId = request.UserId,
                PhoneNumber = phone,
                Type = CallType.Outgoing,
                CrmCreate = line is null || ExternalLines.Find(s, installation.ClientId, line)?.CrmAutoCreate != false,
                Show = request.ShowCard,
                LineNumber = line,
                CallListId = request.CallListId is > 0 ? request.CallListId : null,
                Cause = Cause,
            };
            var (next, registered) = CallRegistration.Register(s, command, now);
            return (next, (installation, registered));
        });

        var snapshot = portal.Snapshot;
        var app = apps.Find(installation.ClientId)!;
        var data = new List<(string, string)>
        {
            ("PHONE_NUMBER", request.PhoneNumber),
            ("PHONE_NUMBER_INTERNATIONAL", PhoneDigits.International(request.PhoneNumber, snapshot.Region)),
            ("EXTENSION", ""),
            ("USER_ID", Text(request.UserId)),
            ("CALL_LIST_ID", Text(request.CallListId ?? 0)),
            ("LINE_NUMBER", line ?? ""),
            ("IS_MOBILE", request.IsMobile ? "1" : "0"),
        };
        if (!request.OmitCallId)
        {
            data.Add(("CALL_ID", outcome.CallId));
        }

        data.Add(("CRM_ENTITY_TYPE", outcome.CrmEntityType?.WireName() ?? ""));
        data.Add(("CRM_ENTITY_ID", Text(outcome.CrmEntityId ?? 0)));
        if (outcome.CreatedLeadId is { } lead)
        {
            // Newer server code adds these only when a lead was created (reference §4.5, open question 8).
            data.Add(("CRM_CREATED_LEAD", Text(lead)));
            data.Add(("CRM_CREATED_ENTITIES[0][ENTITY_TYPE]", "LEAD"));
            data.Add(("CRM_CREATED_ENTITIES[0][ENTITY_ID]", Text(lead)));
        }

        var deliveries = ImmutableArray.CreateBuilder<EventDelivery>();
        foreach (var handler in Handlers(snapshot, installation.ClientId, EventCodes.ExternalCallStart))
        {
            // auth_type names the user whose token the event carries; 0 means the clicking user (reference §4.6).
            var tokens = lifecycle.IssueTokens(portal, installation.ClientId, handler.AuthType == 0 ? request.UserId : handler.AuthType);
            var fields = EventPayload.Build(EventCodes.ExternalCallStart, handler.Id, data, now, authBlock.WithToken(snapshot, app, installation, tokens, withRefresh: false));
            deliveries.Add(await sender.SendAsync(portal, handler.Handler, fields, cancellationToken).ConfigureAwait(false));
        }

        return new ClickToCallOutcome(
            outcome.CallId, installation.ClientId, outcome.CrmEntityType?.WireName() ?? "", outcome.CrmEntityId ?? 0, outcome.CreatedLeadId, deliveries.ToImmutable());
    }

    /// <summary>Posts ONEXTERNALCALLBACKSTART; the app registers the call itself (TYPE=4).</summary>
    public async Task<ImmutableArray<EventDelivery>> CallbackAsync(Portal portal, CallbackRequest request, CancellationToken cancellationToken)
    {
        var snapshot = portal.Snapshot;
        var line = ExternalLines.Clean(request.LineNumber);
        var installation = Owner(snapshot, line, request.ClientId, EventCodes.ExternalCallbackStart);
        var app = apps.Find(installation.ClientId)!;
        (string, string)[] data =
        [
            ("PHONE_NUMBER", request.PhoneNumber),
            ("TEXT", request.Text),
            ("VOICE", request.Voice),
            ("CRM_ENTITY_TYPE", request.CrmEntityType ?? ""),
            ("CRM_ENTITY_ID", Text(request.CrmEntityId)),
            ("LINE_NUMBER", line ?? ""),
        ];
        var deliveries = ImmutableArray.CreateBuilder<EventDelivery>();
        foreach (var handler in Handlers(snapshot, installation.ClientId, EventCodes.ExternalCallbackStart))
        {
            // A visitor's form has no user behind it: no tokens in the auth block (reference §4.2).
            var fields = EventPayload.Build(EventCodes.ExternalCallbackStart, handler.Id, data, time.GetUtcNow(), authBlock.WithoutToken(snapshot, app, installation));
            deliveries.Add(await sender.SendAsync(portal, handler.Handler, fields, cancellationToken).ConfigureAwait(false));
        }

        return deliveries.ToImmutable();
    }

    // The event goes only to the app owning the line (reference §4.5): by line, by client id, or the only candidate.
    private static AppInstallation Owner(PortalSnapshot s, string? line, string? clientId, string eventCode)
    {
        if (line is not null)
        {
            var owner = s.Lines.Find(l => l.Number == line) ?? throw new EmulatorRequestException(404, $"No line {line} on {s.Domain}");
            return Installed(s, owner.ClientId);
        }

        if (clientId is not null)
        {
            return Installed(s, clientId);
        }

        var bound = s.Installations.Where(i => !i.Revoked && s.EventBindings.Exists(b => b.ClientId == i.ClientId && b.Event == eventCode)).ToList();
        var candidates = bound.Where(i => i.Finished).ToList();
        return candidates.Count == 1 ? candidates[0]
            : candidates.Count == 0 && bound.Count > 0 ? Installed(s, bound[0].ClientId)
            : throw new EmulatorRequestException(409, $"{candidates.Count} apps on {s.Domain} handle {eventCode}; name the line or the app");
    }

    private static AppInstallation Installed(PortalSnapshot s, string clientId) =>
        s.Installation(clientId) switch
        {
            { Revoked: false, Finished: true } installation => installation,

            // Bitrix24 delivers no event to an app whose installer has not called installFinish (reference §3.2).
            { Revoked: false } => throw new EmulatorRequestException(409, $"{clientId} has not finished installing on {s.Domain}"),
            _ => throw new EmulatorRequestException(409, $"{clientId} is not installed on {s.Domain}"),
        };

    private static IEnumerable<EventBinding> Handlers(PortalSnapshot s, string clientId, string eventCode) =>
        s.EventBindings.Where(b => b.ClientId == clientId && b.Event == eventCode && !b.Offline);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
