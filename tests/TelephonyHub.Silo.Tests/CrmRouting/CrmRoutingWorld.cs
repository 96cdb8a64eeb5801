using Microsoft.Extensions.Time.Testing;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Silo.Settings;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Telemetry;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.CrmRouting;

/// <summary>
/// One hub and the portal emulator on one fake clock, shared by a test class; every test gets its own portal
/// (<see cref="PortalAsync"/>) with a seeded CRM, CRM routing set on the settings page, maybe a queue, and its PBX.
/// </summary>
public sealed class CrmRoutingWorld : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public TelephonyWorld World { get; private set; } = null!;

    /// <summary>When the hub has taken Bitrix24's answers: a clock jump must not overtake a request in flight.</summary>
    public DispatchAnswers Answers { get; } = new();

    public async Task InitializeAsync() =>
        World = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings, Clock), time: Clock);

    public async Task DisposeAsync()
    {
        Answers.Dispose();
        await World.DisposeAsync();
    }

    /// <summary>A contact of the CRM with <paramref name="phone"/>, owned by <paramref name="ownerId"/>.</summary>
    public static CrmEntity Contact(string phone, int ownerId) =>
        new(CrmEntityType.Contact, 0) { Name = "Erika", LastName = "Mustermann", AssignedById = ownerId, Phones = [new CrmPhone(phone)] };

    /// <param name="crm">The CRM entities to seed (ids of 0 are assigned; the added ones come back in <see cref="CrmPortal.Crm"/>).</param>
    /// <param name="queue">The queue of line 7, if any.</param>
    /// <param name="users">Other employees than <see cref="TestUsers"/> (e.g. with another workday state).</param>
    public async Task<CrmPortal> PortalAsync(
        IReadOnlyList<CrmEntity> crm, QueueJson? queue = null, bool preferOpenDeal = false, int managerAnswerSeconds = 20,
        bool createLeads = false, IReadOnlyList<PortalUser>? users = null)
    {
        var portal = await World.CreatePortalAsync(users: users);
        var seeded = new List<CrmEntity>();
        foreach (var entity in crm)
        {
            seeded.Add(await World.Emulator.Admin.AddCrmEntityAsync(portal.MemberId, entity));
        }

        if (queue is not null)
        {
            await World.ConfigureQueueAsync(portal, queue);
        }

        await World.ConfigureCrmRoutingAsync(portal, enabled: true, preferOpenDeal, managerAnswerSeconds, createLeads);
        var mark = World.Emulator.Snapshot(portal.MemberId).Requests.Count;
        return new CrmPortal(this, portal, await World.ConnectPbxAsync(portal), seeded, mark);
    }
}
