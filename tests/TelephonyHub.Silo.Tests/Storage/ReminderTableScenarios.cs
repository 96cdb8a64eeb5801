namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>Scenarios run against the real Orleans ADO.NET <see cref="IReminderTable"/> on each database.</summary>
internal static class ReminderTableScenarios
{
    private static readonly DateTime StartAt = new(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    /// <summary>
    /// Each silo loads the reminders of its slice of the hash ring, (begin, end]. Slices that wrap past the top
    /// and slices that cross the sign boundary of the stored signed hash must return exactly the reminders whose grain
    /// hash lies inside, and begin == end is the whole ring.
    /// </summary>
    public static async Task RingSlicesReturnExactlyTheirRemindersAsync(IReminderTable table)
    {
        var entries = Enumerable.Range(0, 48).Select(i => new ReminderEntry
        {
            GrainId = GrainId.Create("callprobe", $"call-{i}"),
            ReminderName = "recording-wait",
            StartAt = StartAt,
            Period = TimeSpan.FromMinutes(1),
        }).ToArray();
        foreach (var entry in entries)
        {
            Assert.NotNull(await table.UpsertRow(entry));
        }

        (uint Begin, uint End)[] slices =
        [
            (0x1000_0000, 0x7000_0000), // plain, positive as signed
            (0x9000_0000, 0xF000_0000), // plain, negative as signed
            (0x4000_0000, 0xC000_0000), // plain, crosses the signed boundary
            (0xC000_0000, 0x4000_0000), // wraps past the top
            (0x2000_0000, 0x1000_0000), // wraps, almost the whole ring
            (0x8000_0000, 0x8000_0000), // the whole ring
        ];
        foreach (var (begin, end) in slices)
        {
            var expected = entries.Where(entry => InSlice(entry.GrainId.GetUniformHashCode(), begin, end))
                .Select(entry => entry.GrainId.ToString()).Order().ToArray();
            var actual = (await table.ReadRows(begin, end)).Reminders
                .Select(entry => entry.GrainId.ToString()).Order().ToArray();
            Assert.True(expected.SequenceEqual(actual),
                $"Slice (0x{begin:X8}, 0x{end:X8}] expected [{string.Join(", ", expected)}] but read [{string.Join(", ", actual)}]");
        }

        var all = (await table.ReadRows(0u, 0u)).Reminders;
        Assert.Equal(entries.Length, all.Count);
        Assert.All(all, entry => Assert.Equal((StartAt, TimeSpan.FromMinutes(1)), (entry.StartAt, entry.Period)));
    }

    /// <summary>
    /// A reminder's ETag moves on every upsert, a delete with a stale ETag is refused, and clearing the table removes
    /// every reminder of the service.
    /// </summary>
    public static async Task RemindersAreVersionedAndRemovableAsync(IReminderTable table)
    {
        var grainId = GrainId.Create("callprobe", "call-versioned");
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = "ring-next", StartAt = StartAt, Period = TimeSpan.FromSeconds(3) };
        var firstETag = await table.UpsertRow(entry);
        var secondETag = await table.UpsertRow(new ReminderEntry
        {
            GrainId = grainId, ReminderName = "ring-next", StartAt = StartAt, Period = TimeSpan.FromDays(30),
        });
        await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "other", StartAt = StartAt, Period = TimeSpan.FromSeconds(3) });

        var stored = await table.ReadRow(grainId, "ring-next");
        Assert.NotNull(stored);
        Assert.NotEqual(firstETag, secondETag);
        Assert.Equal(secondETag, stored.ETag);
        Assert.Equal(TimeSpan.FromDays(30), stored.Period); // more milliseconds than an int holds
        Assert.Equal(2, (await table.ReadRows(grainId)).Reminders.Count);

        Assert.False(await table.RemoveRow(grainId, "ring-next", firstETag!));
        Assert.True(await table.RemoveRow(grainId, "ring-next", secondETag!));
        Assert.Null(await table.ReadRow(grainId, "ring-next"));

        await table.TestOnlyClearTable();
        Assert.Empty((await table.ReadRows(0u, 0u)).Reminders);
    }

    private static bool InSlice(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
