using TelephonyHub.Silo.Storage;
using TelephonyHub.Testing.PostgreSql;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>The Orleans ADO.NET reminder table itself, on our PostgreSQL schema.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlReminderTableTests(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task RingSlices_ReturnExactlyTheirReminders()
    {
        var (table, services) = await ReminderTables.CreateAsync(
            DatabaseProvider.PostgreSql, await postgres.CreateDatabaseAsync("reminder_ring"), "hub");
        await using var _ = services;

        await ReminderTableScenarios.RingSlicesReturnExactlyTheirRemindersAsync(table);
    }

    [Fact]
    public async Task Reminders_AreVersioned_AndRemovable()
    {
        var (table, services) = await ReminderTables.CreateAsync(
            DatabaseProvider.PostgreSql, await postgres.CreateDatabaseAsync("reminder_versions"), "hub");
        await using var _ = services;

        await ReminderTableScenarios.RemindersAreVersionedAndRemovableAsync(table);
    }
}
