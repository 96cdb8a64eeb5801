using System.Text;
using Microsoft.Data.Sqlite;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Portals;

/// <summary>What a stolen database file gives away: no tokens in the clear, no application token, no PBX key.</summary>
public sealed class SecretsAtRestTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    [Fact]
    public async Task PortalRecord_HoldsTokensEncryptedWithTheDatabaseKeyRing_AndSecretsOnlyHashed()
    {
        var world = fixture.World;
        var portal = await world.CreatePortalAsync();
        var applicationToken = world.Emulator.Snapshot(portal.MemberId).Installation(world.Settings.ClientId)!.ApplicationToken;
        var keySecret = portal.ApiKey.Split('.')[3];

        await using var database = new SqliteConnection($"Data Source={Path.Combine(world.Settings.DataDirectory, "telephonyhub.db")};Mode=ReadOnly");
        await database.OpenAsync();
        var portalRecord = await ReadPortalRecordAsync(database, portal.Domain);
        var keyRing = await CountAsync(database, "SELECT COUNT(*) FROM TelephonyHubDataProtectionKeys");

        Assert.Contains("CfDJ8", portalRecord); // the Data Protection envelope around the tokens
        Assert.DoesNotContain(applicationToken, portalRecord);
        Assert.DoesNotContain(keySecret, portalRecord);
        Assert.True(keyRing > 0);
    }

    private static async Task<string> ReadPortalRecordAsync(SqliteConnection database, string domain)
    {
        await using var command = database.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = 'portal'";
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<string>();
        while (await reader.ReadAsync())
        {
            records.Add(Encoding.UTF8.GetString((byte[])reader[0]));
        }

        // Portal ids that look like GUIDs are stored in the numeric key columns; find the record by its domain.
        return records.Single(r => r.Contains(domain, StringComparison.Ordinal));
    }

    private static async Task<long> CountAsync(SqliteConnection database, string sql)
    {
        await using var command = database.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
