using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.Limits;

namespace TelephonyHub.PortalEmulator.Portals;

/// <summary>All portals of this emulator, by member_id and by domain.</summary>
public sealed class PortalDirectory(IOptions<PortalEmulatorOptions> options)
{
    private readonly ConcurrentDictionary<string, Portal> byMemberId = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Portal> byDomain = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock creation = new();

    /// <summary>All portals, sorted by domain.</summary>
    public IReadOnlyList<Portal> All => [.. byMemberId.Values.OrderBy(p => p.Domain, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Creates a portal; throws <see cref="InvalidOperationException"/> when the domain or member_id is taken.</summary>
    public Portal Create(PortalDefinition definition)
    {
        var memberId = definition.MemberId ?? RandomNumberGenerator.GetHexString(32, lowercase: true);
        var snapshot = new PortalSnapshot
        {
            MemberId = memberId,
            Domain = definition.Domain,
            Plan = definition.Plan,
            Active = definition.Active,
            Region = definition.Region,
            Language = definition.Language,
            Users = [.. definition.Users],
            Webhooks = [.. definition.Webhooks],
            Crm = definition.Crm.Aggregate(ImmutableList<CrmEntity>.Empty, (crm, entity) => CrmStore.Add(crm, entity).Crm),
            Limits = LimitSettings.For(definition.Plan),
        };
        var portal = new Portal(snapshot, options.Value.RequestLogCapacity);
        lock (creation)
        {
            if (byMemberId.ContainsKey(memberId) || byDomain.ContainsKey(definition.Domain))
            {
                throw new InvalidOperationException($"A portal with domain {definition.Domain} or member_id {memberId} exists already.");
            }

            byMemberId[memberId] = portal;
            byDomain[definition.Domain] = portal;
        }

        return portal;
    }

    /// <summary>The portal with that member_id, or null.</summary>
    public Portal? Find(string memberId) => byMemberId.GetValueOrDefault(memberId);

    /// <summary>The portal with that domain, or null.</summary>
    public Portal? FindByDomain(string domain) => byDomain.GetValueOrDefault(domain);

    /// <summary>The portal with that member_id or domain, or null.</summary>
    public Portal? FindByMemberIdOrDomain(string key) => Find(key) ?? FindByDomain(key);

    /// <summary>Deletes a portal; its tokens stop working (they resolve to no portal).</summary>
    public bool Remove(string memberId)
    {
        lock (creation)
        {
            if (!byMemberId.TryRemove(memberId, out var portal))
            {
                return false;
            }

            byDomain.TryRemove(portal.Domain, out _);
            return true;
        }
    }

    /// <summary>Webhook owner for a code, searched over all portals (codes are random and globally unique).</summary>
    public (Portal Portal, Webhook Webhook)? FindWebhook(int userId, string code)
    {
        foreach (var portal in byMemberId.Values)
        {
            var hook = portal.Snapshot.Webhooks.Find(w => w.UserId == userId && w.Code == code);
            if (hook is not null)
            {
                return (portal, hook);
            }
        }

        return null;
    }
}
