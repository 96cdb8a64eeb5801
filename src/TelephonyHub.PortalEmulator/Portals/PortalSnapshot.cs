using System.Collections.Immutable;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Events;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Rest;
using TelephonyHub.PortalEmulator.Telephony;

namespace TelephonyHub.PortalEmulator.Portals;

/// <summary>
/// Everything a portal holds at one instant. Immutable: the portal swaps whole snapshots, so a snapshot handed
/// to a test never changes under it.
/// </summary>
public sealed record PortalSnapshot
{
    /// <summary>Portal id (32 hex), the tenant key.</summary>
    public required string MemberId { get; init; }

    /// <summary>Portal host.</summary>
    public required string Domain { get; init; }

    /// <summary>Licence family.</summary>
    public required PortalPlan Plan { get; init; }

    /// <summary>False: deleted/blocked portal.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Region for E.164.</summary>
    public string Region { get; init; } = "US";

    /// <summary>UI language.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Increases by one with every change.</summary>
    public long Version { get; init; }

    /// <summary>Employees.</summary>
    public ImmutableList<PortalUser> Users { get; init; } = [];

    /// <summary>Incoming webhooks.</summary>
    public ImmutableList<Webhook> Webhooks { get; init; } = [];

    /// <summary>CRM leads, contacts, companies and deals, auto-created leads included.</summary>
    public ImmutableList<CrmEntity> Crm { get; init; } = [];

    /// <summary>Installed applications.</summary>
    public ImmutableList<AppInstallation> Installations { get; init; } = [];

    /// <summary>External lines of every app.</summary>
    public ImmutableList<ExternalLine> Lines { get; init; } = [];

    /// <summary>Handlers bound with event.bind.</summary>
    public ImmutableList<EventBinding> EventBindings { get; init; } = [];

    /// <summary>Registered, unfinished calls.</summary>
    public ImmutableList<ActiveCall> ActiveCalls { get; init; } = [];

    /// <summary>Statistics rows (finished calls), in finish order.</summary>
    public ImmutableList<CallRecord> CallLog { get; init; } = [];

    /// <summary>Which user sees which call card right now.</summary>
    public ImmutableList<CardView> Cards { get; init; } = [];

    /// <summary>Every card change, in order.</summary>
    public ImmutableList<CardChange> CardTimeline { get; init; } = [];

    /// <summary>REST calls received, in order (inner batch commands included).</summary>
    public ImmutableList<RequestLogEntry> Requests { get; init; } = [];

    /// <summary>Requests to the OAuth server's token endpoint with this portal's refresh tokens, in order (reference §3.4).</summary>
    public ImmutableList<TokenRequestLogEntry> TokenRequests { get; init; } = [];

    /// <summary>Events the portal sent, in order.</summary>
    public ImmutableList<EventDelivery> EventDeliveries { get; init; } = [];

    /// <summary>Request limits in force.</summary>
    public required LimitSettings Limits { get; init; }

    /// <summary>Faults in force.</summary>
    public FaultSettings Faults { get; init; } = new();

    /// <summary>REST requests held right now by the "slow" fault (<see cref="FaultSettings.DelayMilliseconds"/>).</summary>
    public int HeldRequests { get; init; }

    /// <summary>Last id handed out for rows that are not CRM entities (statistics, files, lines, handlers…).</summary>
    public int LastRowId { get; init; }

    /// <summary>The user with that id, or null.</summary>
    public PortalUser? User(int id) => Users.Find(u => u.Id == id);

    /// <summary>The CRM entity, or null.</summary>
    public CrmEntity? CrmEntity(CrmEntityType type, int id) => Crm.Find(e => e.Type == type && e.Id == id);

    /// <summary>Installation of that app, or null.</summary>
    public AppInstallation? Installation(string clientId) => Installations.Find(i => i.ClientId == clientId);

    /// <summary>The active call, or null.</summary>
    public ActiveCall? ActiveCall(string callId) => ActiveCalls.Find(c => c.CallId == callId);

    /// <summary>Call ids whose cards the user sees now.</summary>
    public IReadOnlyList<string> CardsOf(int userId) => [.. Cards.Where(c => c.UserId == userId).Select(c => c.CallId)];

    /// <summary>The statistics row of a call, or null when it is not finished.</summary>
    public CallRecord? Finished(string callId) => CallLog.Find(r => r.CallId == callId);

    /// <summary>Requests for a normalised method name (<c>telephony.externalcall.register</c>), inner batch commands included.</summary>
    public IReadOnlyList<RequestLogEntry> RequestsFor(string method) =>
        [.. Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))];

    /// <summary>A one-screen summary for failure messages: cards, active calls, call log, last requests.</summary>
    public override string ToString() => PortalSnapshotDescription.Describe(this);
}
