using System.Globalization;
using CommunityToolkit.HighPerformance.Buffers;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace TelephonyHub.Silo.Storage.GrainState;

/// <summary>
/// The hub's grain storage on PostgreSQL: Orleans' ADO.NET grain storage contract (same table, same rows, same
/// optimistic concurrency, <see cref="InconsistentStateException"/> on a version conflict), with every read, write and
/// clear sent through the <see cref="RoundTripBatcher"/> so that the grains of a busy silo share round trips and
/// commits instead of paying one each.
/// </summary>
/// <remarks>
/// State is stored in Orleans' binary format, byte for byte what <see cref="OrleansGrainStorageSerializer"/> writes for
/// the SQLite hub, so rows stay readable by either. It is serialized into a buffer from the shared array pool, held
/// until its statement is committed or failed, instead of a new growing buffer per write: the dispatch grain stores its
/// whole state several times per call, and these buffers were a steady share of the silo's allocations (issue 10).
/// </remarks>
public sealed class PostgreSqlGrainStorage(
    RoundTripBatcher batcher,
    string serviceId,
    Serializer serializer,
    IActivatorProvider activators) : IGrainStorage
{
    private const int InitialPayloadBytes = 4096;

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = StoredGrainKey.Of(grainId, stateName);
        var row = await batcher.ExecuteAsync(
            () => GrainStateStatements.ForRow(GrainStateStatements.Read, serviceId, key),
            reader => new StoredRow(reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0), reader.GetInt32(1)));

        // A cleared row still exists (its payload is null): the next write must name its version.
        grainState.State = row?.Payload is { } payload
            ? serializer.Deserialize<T>(payload)
            : activators.GetActivator<T>().Create();
        grainState.ETag = row is null ? null : Format(row.Version);
        grainState.RecordExists = row is not null;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = StoredGrainKey.Of(grainId, stateName);
        var readVersion = Parse(grainState.ETag);
        // The batcher answers once the statement is done with (committed or failed): only then may the buffer go back.
        using var payload = new ArrayPoolBufferWriter<byte>(InitialPayloadBytes);
        serializer.Serialize(grainState.State, payload);
        var newVersion = await batcher.ExecuteAsync(
            () => readVersion is { } version
                ? GrainStateStatements.ForRow(GrainStateStatements.Update, serviceId, key).WithVersion(version).WithPayload(payload.WrittenMemory)
                : GrainStateStatements.ForRow(GrainStateStatements.Insert, serviceId, key).WithPayload(payload.WrittenMemory),
            reader => (int?)reader.GetInt32(0));

        grainState.ETag = Format(newVersion ?? throw Conflict("WriteState", stateName, grainId, grainState.ETag));
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists)
        {
            // Nothing known to clear: look, because another activation may have written since this one read.
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var key = StoredGrainKey.Of(grainId, stateName);
        var readVersion = Parse(grainState.ETag) ?? throw Conflict("ClearState", stateName, grainId, grainState.ETag);
        var newVersion = await batcher.ExecuteAsync(
            () => GrainStateStatements.ForRow(GrainStateStatements.Clear, serviceId, key).WithVersion(readVersion),
            reader => (int?)reader.GetInt32(0));

        grainState.ETag = Format(newVersion ?? throw Conflict("ClearState", stateName, grainId, grainState.ETag));
        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
    }

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict ({operation}): ServiceId={serviceId} State={stateName} GrainId={grainId} ETag={etag ?? "none"}: " +
            "the stored row moved on since this activation read it (another activation of the grain wrote it).");

    private static int? Parse(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Format(int version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record StoredRow(byte[]? Payload, int Version);
}
